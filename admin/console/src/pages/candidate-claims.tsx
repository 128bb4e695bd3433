// A candidate's claims and certificates: full and unit claims, downloads, replacements.
import { useState } from 'preact/hooks';
import { api, ApiError, describeError, type Candidate } from '../api';
import { qualificationLabel, type Catalogue } from '../catalogue';
import { downloadCertificate, type CertificateEntry } from '../certificates-api';
import { Link } from '../frame';
import { formatDateTime } from '../format';
import { ReasonDialog } from '../ui/reason-dialog';
import { Loaded, Notice } from '../ui/status';
import { useResource } from '../ui/use-resource';

export function Claims(props: { candidate: Candidate; cat: Catalogue | null; changes: number; onChanged: (m: string) => void }) {
  const id = props.candidate.id;
  const certs = useResource(
    () => api.get<{ certificates: CertificateEntry[] }>(`/api/v1/candidates/${id}/certificates`).then((r) => r.certificates),
    [id, props.changes],
  );
  const [refusal, setRefusal] = useState<{ message: string; missing: string[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const claim = async (kind: 'full' | 'unit', qualification: string) => {
    setRefusal(null);
    setError(null);
    try {
      const c = await api.post<CertificateEntry>(`/api/v1/candidates/${id}/claims`, { kind, qualification });
      props.onChanged(`Certificate ${c.number} issued (${kind === 'full' ? 'full certificate' : 'unit certificate'}).`);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'rules_not_met') {
        const missing = Array.isArray(err.details['missing']) ? (err.details['missing'] as string[]) : [];
        setRefusal({ message: err.message, missing });
      } else {
        setError(err);
      }
    }
  };
  const [replacing, setReplacing] = useState<string | null>(null);
  const regs = props.candidate.registrations ?? [];
  return (
    <section aria-labelledby="claims-heading">
      <h2 id="claims-heading">Claims and certificates</h2>
      {refusal && (
        <div class="error-summary" role="alert">
          <h3>The claim was refused: the rules of combination are not met</h3>
          <p>{refusal.message.split(':')[0]}.</p>
          {refusal.missing.length > 0 && (
            <ul class="missing">
              {refusal.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error ? <Notice kind="error">{describeError(error)}</Notice> : null}
      {regs.length === 0 && <p>Register the candidate on a qualification to claim a certificate.</p>}
      {regs.map((q) => (
        <div class="claim-row" key={q}>
          <p>{qualificationLabel(props.cat, q)}</p>
          <button type="button" onClick={() => claim('full', q)}>
            Claim the full certificate<span class="visually-hidden"> for {q}</span>
          </button>
          <button type="button" class="secondary" onClick={() => claim('unit', q)}>
            Claim a unit certificate<span class="visually-hidden"> for {q}</span>
          </button>
        </div>
      ))}
      <Loaded resource={certs} what="the certificates">
        {(list) =>
          list.length === 0 ? (
            <p>No certificate issued yet.</p>
          ) : (
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">Number</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Qualification</th>
                  <th scope="col">Issued</th>
                  <th scope="col">Status</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {list.map((c) => (
                  <tr key={c.number}>
                    <td>{c.number}</td>
                    <td>
                      {c.kind === 'full' ? 'Full' : 'Unit'}
                      {c.replacement && ` (replaces ${c.replaces})`}
                    </td>
                    <td>{c.qualification}</td>
                    <td>{formatDateTime(c.issued_at)}</td>
                    <td>{c.status}</td>
                    <td class="links">
                      <button type="button" class="secondary small" onClick={() => downloadCertificate(c.number).catch(setError)}>
                        Download<span class="visually-hidden"> {c.number}</span>
                      </button>
                      {c.status === 'current' && (
                        <button type="button" class="secondary small" onClick={() => setReplacing(c.number)}>
                          Replace<span class="visually-hidden"> {c.number}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
      {replacing && (
        <ReasonDialog
          title={`Replace certificate ${replacing}`}
          reasonLabel="Why is it replaced?"
          confirm="Issue the replacement"
          onClose={() => setReplacing(null)}
          onConfirm={async (reason) => {
            const c = await api.post<CertificateEntry>(`/api/v1/certificates/${encodeURIComponent(replacing)}/replace`, { reason });
            setReplacing(null);
            props.onChanged(`Replacement ${c.number} issued for ${replacing}.`);
          }}
        >
          <p>The replacement gets a new number and says which certificate it replaces; {replacing} stays in the register, marked replaced.</p>
        </ReasonDialog>
      )}
      <p>
        <Link to="/certificates">Verify a certificate file</Link>
      </p>
    </section>
  );
}

