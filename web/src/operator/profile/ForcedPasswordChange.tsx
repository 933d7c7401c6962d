// After an admin created the account or reset its password: the temporary password must be
// replaced before anything else (the server refuses every other request until then).
import { Heading } from '../ui.tsx';
import { PasswordForm } from './PasswordForm.tsx';

export function ForcedPasswordChange({ onDone }: { onDone(): void }) {
  return (
    <div className="row justify-content-center">
      <div className="col-12 col-md-8 col-lg-6">
        <Heading title="Scegli una nuova password" />
        <p>Stai usando una password temporanea ricevuta dall'amministratore. Per continuare scegline una tua, che conoscerai solo tu.</p>
        <PasswordForm currentLabel="Password temporanea" submitLabel="Salva e continua" onChanged={onDone} />
      </div>
    </div>
  );
}
