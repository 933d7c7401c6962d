// Step 3, Dettagli appuntamento: what the citizen needs, so the officer can prepare.
export function StepDetails({ reason, details, onChange }: { reason: string; details: string; onChange(p: { reason?: string; details?: string }): void }) {
  return (
    <>
      <div className="form-group mt-4">
        <label htmlFor="reason" className="active">
          Motivo (facoltativo)
        </label>
        <input
          id="reason"
          type="text"
          className="form-control"
          maxLength={200}
          value={reason}
          onChange={(e) => onChange({ reason: e.target.value })}
          aria-describedby="reason-help"
        />
        <small id="reason-help" className="form-text">
          Ad esempio: rinnovo della carta d'identità scaduta.
        </small>
      </div>
      <div className="form-group">
        <label htmlFor="details" className="active">
          Dettagli (facoltativo)
        </label>
        <textarea
          id="details"
          className="form-control"
          rows={4}
          maxLength={2000}
          value={details}
          onChange={(e) => onChange({ details: e.target.value })}
          aria-describedby="details-help"
        />
        <small id="details-help" className="form-text">
          Scrivi ciò che l'ufficio deve sapere per prepararsi. Restano {2000 - details.length} caratteri.
        </small>
      </div>
    </>
  );
}
