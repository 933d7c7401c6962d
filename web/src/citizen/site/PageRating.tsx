// The page rating of the Modello Comuni, at the end of every page: "Quanto sono chiare le informazioni
// su questa pagina?" with five stars; then the follow-up question (what went well from 4 stars, what
// was hard up to 3) and an optional comment of up to 200 characters; then thanks. Anonymous: only the
// page's path, the stars, the answer and the comment are sent. Both follow-ups are always in the page
// (hidden until chosen): the official checker looks for them before rating.
import { useId, useState } from 'react';
import { PAGE_RATING } from '../../../../contracts/site.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { Icon } from '../../shared/Icon.tsx';

const MAX_COMMENT = 200;

export function PageRating({ slug, page }: { slug: string; page: string }) {
  const id = useId();
  const [rating, setRating] = useState<number | null>(null);
  const [step, setStep] = useState<'rate' | 'details' | 'sent'>('rate');
  const [aspect, setAspect] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const negative = rating !== null && rating <= PAGE_RATING.negativeUpTo;

  async function send() {
    if (rating === null) return;
    setSending(true);
    setError(null);
    try {
      await api(`/api/v1/${slug}/page-ratings`, {
        method: 'POST',
        body: { page, rating, ...(aspect ? { aspect } : {}), ...(comment.trim() ? { comment: comment.trim() } : {}) },
      });
      setStep('sent');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSending(false);
    }
  }

  if (step === 'sent') {
    return (
      <section className="sportello-rating bg-primary-subtle p-4 mt-5 rounded" aria-labelledby={`${id}-title`} data-element="feedback">
        <h2 className="h5" id={`${id}-title`} role="status">
          Grazie, il tuo parere ci aiuterà a migliorare il servizio!
        </h2>
      </section>
    );
  }

  const followUp = (kind: 'positive' | 'negative') => {
    const spec = PAGE_RATING[kind];
    const shown = step === 'details' && (kind === 'negative') === negative;
    return (
      <fieldset className={shown ? '' : 'd-none'} data-element={`feedback-rating-${kind}`}>
        <legend className="h6" data-element="feedback-rating-question">
          {spec.question}
        </legend>
        {spec.answers.map((answer, i) => (
          <div className="form-check" key={answer}>
            <input className="form-check-input" type="radio" name={`${id}-${kind}`} id={`${id}-${kind}-${i}`} checked={aspect === answer} onChange={() => setAspect(answer)} />
            <label className="form-check-label" htmlFor={`${id}-${kind}-${i}`} data-element="feedback-rating-answer">
              {answer}
            </label>
          </div>
        ))}
      </fieldset>
    );
  };

  return (
    <section className="sportello-rating bg-primary-subtle p-4 mt-5 rounded" aria-labelledby={`${id}-title`} data-element="feedback">
      <h2 className="h5" id={`${id}-title`} data-element="feedback-title">
        {PAGE_RATING.title}
      </h2>
      <fieldset className="sportello-stars">
        <legend className="visually-hidden">Valuta da 1 a 5 stelle la chiarezza della pagina</legend>
        <div className="d-flex">
          {[1, 2, 3, 4, 5].map((n) => (
            <span key={n}>
              <input
                className="visually-hidden"
                type="radio"
                name={`${id}-stars`}
                id={`${id}-star-${n}`}
                value={n}
                checked={rating === n}
                onChange={() => {
                  setRating(n);
                  setAspect(null);
                  setStep('details');
                }}
                data-element={`feedback-rate-${n}`}
              />
              <label htmlFor={`${id}-star-${n}`} className="sportello-star px-1">
                <Icon name={rating !== null && n <= rating ? 'it-star-full' : 'it-star-outline'} className="icon-primary" />
                <span className="visually-hidden">{n === 1 ? '1 stella' : `${n} stelle`}</span>
              </label>
            </span>
          ))}
        </div>
      </fieldset>
      <div className={step === 'details' ? 'mt-3' : 'd-none'}>
        {followUp('positive')}
        {followUp('negative')}
        <div className="form-group mt-3 mb-2">
          <label htmlFor={`${id}-comment`} className="active">
            Vuoi aggiungere altri dettagli? (facoltativo, al massimo {MAX_COMMENT} caratteri)
          </label>
          <textarea
            className="form-control"
            id={`${id}-comment`}
            rows={3}
            maxLength={MAX_COMMENT}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            data-element="feedback-input-text"
          />
        </div>
        {error ? (
          <div className="alert alert-danger" role="alert">
            {error}
          </div>
        ) : null}
        <button type="button" className="btn btn-primary" onClick={() => void send()} disabled={sending}>
          Invia
        </button>
      </div>
    </section>
  );
}
