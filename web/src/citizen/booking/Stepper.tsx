// Bootstrap Italia stepper: the five Modello Comuni steps with "n/5", and the Indietro / Salva
// richiesta / Avanti bar.
import type { ReactNode } from 'react';
import { Icon } from '../../shared/Icon.tsx';

export const STEPS = ['Luogo', 'Data e orario', 'Dettagli appuntamento', 'Richiedente', 'Riepilogo'] as const;

export function StepperHeader({ step }: { step: number }) {
  return (
    <div className="steppers-header">
      <ul>
        {STEPS.map((label, i) => {
          const n = i + 1;
          const state = n < step ? 'confirmed' : n === step ? 'active' : '';
          return (
            <li key={label} className={state} aria-current={n === step ? 'step' : undefined}>
              {label}
              {n < step ? <Icon name="it-check" /> : null}
              <span className="visually-hidden">{n < step ? ' (completato)' : n === step ? ' (passo attuale)' : ''}</span>
            </li>
          );
        })}
        <li className="steppers-index" aria-hidden="true">
          {step}/{STEPS.length}
        </li>
      </ul>
    </div>
  );
}

export function StepperNav(props: { step: number; busy: boolean; onBack(): void; onSave(): void; onNext(): void; nextLabel?: ReactNode }) {
  return (
    // Our own bar rather than Bootstrap Italia's .steppers-nav, which on a phone turns "Avanti" into a
    // bare link and lets the buttons overlap when the last step's label is long.
    <nav className="sportello-steps-nav mt-4" aria-label="Navigazione tra i passi">
      <button type="button" className="btn btn-outline-primary" onClick={props.onBack} disabled={props.step === 1 || props.busy}>
        <Icon name="it-chevron-left" className="icon-primary" />
        Indietro
      </button>
      <button type="button" className="btn btn-outline-primary" onClick={props.onSave} disabled={props.busy}>
        Salva richiesta
      </button>
      <button type="button" className="btn btn-primary steps-next" onClick={props.onNext} disabled={props.busy}>
        {props.nextLabel ?? (
          <>
            Avanti
            <Icon name="it-chevron-right" className="icon-white" />
          </>
        )}
      </button>
    </nav>
  );
}
