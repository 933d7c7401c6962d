// The temporary password of a new or reset account, shown once: the server keeps only its hash.
import { FocusHeading } from '../ui.tsx';

export interface IssuedPassword {
  displayName: string;
  username: string;
  password: string;
  reason: 'created' | 'reset';
}

export function TemporaryPassword({ issued, onDismiss }: { issued: IssuedPassword; onDismiss(): void }) {
  return (
    <div className="alert alert-warning mt-3" role="status" data-testid="temporary-password">
      <FocusHeading>{issued.reason === 'created' ? `Account di ${issued.displayName} creato` : `Password di ${issued.displayName} reimpostata`}</FocusHeading>
      <p className="mb-1">
        Password temporanea per <strong>{issued.username}</strong>:
      </p>
      <p className="temporary-password">
        <code>{issued.password}</code>
      </p>
      <p>Comunicala all'operatore di persona o per telefono: non sarà più mostrata. Al primo accesso dovrà sceglierne una nuova.</p>
      <button type="button" className="btn btn-primary btn-sm" onClick={onDismiss}>
        Ho comunicato la password
      </button>
    </div>
  );
}
