// "Note legali": the content licence as the Modello Comuni words it (the official checker compares it
// word for word), copyright and the links to the other statements.
import { CONTENT_LICENCE } from '../../../../contracts/site.ts';
import { PageHeading } from '../../shared/Page.tsx';
import { Link } from '../../shared/router.tsx';
import { Breadcrumb } from '../Layout.tsx';
import { useTenant } from '../tenant.ts';
import { sitePaths } from './names.ts';

export default function LegalNotesPage() {
  const t = useTenant();
  const p = sitePaths(t.slug);
  return (
    <>
      <Breadcrumb items={[{ label: 'Home', href: `/${t.slug}` }, { label: 'Note legali' }]} />
      <PageHeading title="Note legali" />
      <section className="mb-4">
        <h2 className="h4" data-element="legal-notes-section">
          {CONTENT_LICENCE.title}
        </h2>
        <p data-element="legal-notes-body">{CONTENT_LICENCE.text}</p>
      </section>
      <section className="mb-4">
        <h2 className="h4">Software</h2>
        <p>
          Questi servizi online sono realizzati con Sportello, software libero: chiunque può usarlo, studiarlo e migliorarlo. I marchi e lo stemma del {t.name} restano del Comune.
        </p>
      </section>
      <section>
        <h2 className="h4">Altre informazioni</h2>
        <ul>
          <li>
            <Link href={p.privacy}>Informativa privacy</Link>
          </li>
          <li>
            <Link href={p.accessibility}>Dichiarazione di accessibilità</Link>
          </li>
        </ul>
      </section>
    </>
  );
}
