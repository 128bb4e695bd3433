// Checking a certificate file: anyone shown one (an employer, a college) can
// have it checked here, and so can staff. The server verifies the signature
// against the awarding key and says whether the number is current.
import { useState } from 'preact/hooks';
import { describeError, type Me } from '../api';
import { verifyCertificate, type Verification } from '../certificates-api';
import { formatDateTime, saveFile } from '../format';
import { api } from '../api';
import { PageHeading } from '../ui/page-heading';
import { Notice } from '../ui/status';

export default function Certificates(_: { me: Me }) {
  const [result, setResult] = useState<{ name: string; v: Verification } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const check = async (input: HTMLInputElement) => {
    setResult(null);
    setError(null);
    const f = input.files?.[0];
    if (!f) return;
    if (f.size > 64 * 1024) return setError(`${f.name} is too large to be a certificate file.`);
    try {
      setResult({ name: f.name, v: await verifyCertificate(await f.text()) });
    } catch (e) {
      setError(describeError(e));
    }
  };
  const publicKey = async () => {
    try {
      const file = await api.download('/api/v1/certificates/public-key', 'application/x-pem-file');
      saveFile('awarding-public-key.pem', 'application/x-pem-file', file.text);
    } catch (e) {
      setError(describeError(e));
    }
  };
  const v = result?.v;
  return (
    <>
      <PageHeading title="Verify a certificate" />
      <p>
        Choose a certificate file (a <code>.json</code> file downloaded from a candidate's page). Certificates are
        claimed and downloaded from each candidate's page.
      </p>
      <div class="field panel">
        <label for="certificate-file">Certificate file</label>
        <input id="certificate-file" type="file" accept=".json,application/json" onChange={(e) => check(e.currentTarget as HTMLInputElement)} />
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      {v && v.valid && (
        <div class="notice notice-success verification" role="status">
          <h2>Valid: {result!.name} is a genuine certificate</h2>
          <dl class="facts">
            <dt>Number</dt>
            <dd>{v.number}</dd>
            <dt>Candidate</dt>
            <dd>{v.candidate}</dd>
            <dt>Qualification</dt>
            <dd>{v.qualification}</dd>
            <dt>Kind</dt>
            <dd>{v.kind === 'full' ? 'Full certificate' : 'Unit certificate'}</dd>
            <dt>Issued</dt>
            <dd>{v.issued_at ? formatDateTime(v.issued_at) : ''}</dd>
            <dt>In the register</dt>
            <dd>
              {v.register?.status === 'replaced'
                ? `Replaced${v.register.replaced_by ? ' by ' + v.register.replaced_by : ''}`
                : v.register?.status ?? 'unknown'}
              {v.replacement && ` (this is a replacement of ${v.replaces})`}
            </dd>
          </dl>
        </div>
      )}
      {v && !v.valid && (
        <div class="notice notice-error" role="alert">
          <h2>Not valid: {result!.name}</h2>
          <p>{v.reason}</p>
        </div>
      )}
      <p>
        To check certificates without this server, use the awarding organisation's public key with{' '}
        <code>exam-admin verify</code>:{' '}
        <button type="button" class="link-button" onClick={publicKey}>
          download the public key
        </button>
        .
      </p>
    </>
  );
}
