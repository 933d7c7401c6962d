// A console page the signed-in officer's role does not reach (the server refuses it anyway).
import { Heading } from './ui.tsx';

export function Forbidden({ title, reason }: { title: string; reason: string }) {
  return (
    <>
      <Heading title={title} />
      <div className="alert alert-warning" role="alert">
        {reason}
      </div>
    </>
  );
}
