// Importing candidates from a CSV file: all or nothing. A file with problems
// imports no one, and every bad row is listed with its line, field and what
// is wrong, beside the line as it is in the file, so it can be fixed and sent again.
import { useState } from 'preact/hooks';
import { api, ApiError, describeError, type Candidate, type Me, type RowProblem } from '../api';
import { Link } from '../frame';
import { PageHeading } from '../ui/page-heading';
import { Notice } from '../ui/status';

const maxBytes = 1024 * 1024;

export default function CandidateImport({ centre }: { me: Me; centre: number }) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [problems, setProblems] = useState<RowProblem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState<Candidate[] | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (input: HTMLInputElement) => {
    setProblems(null);
    setImported(null);
    setError(null);
    const f = input.files?.[0];
    if (!f) return setFile(null);
    if (f.size > maxBytes) {
      setFile(null);
      return setError(`${f.name} is ${Math.round(f.size / 1024)} KB: a file can be at most 1 MB. Split it and import each part.`);
    }
    setFile({ name: f.name, text: await f.text() });
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!file) return setError('Choose a CSV file first.');
    setBusy(true);
    setProblems(null);
    setError(null);
    try {
      const reply = await api.request<{ candidates: Candidate[] }>('POST', `/api/v1/centres/${centre}/candidates`, {
        raw: { type: 'text/csv; charset=utf-8', text: file.text },
      });
      setImported(reply.candidates);
      setFile(null);
    } catch (err) {
      if (err instanceof ApiError && err.rows.length > 0) setProblems(err.rows);
      else setError(describeError(err));
    }
    setBusy(false);
  };

  const lines = file?.text.split(/\r?\n/) ?? [];
  return (
    <>
      <PageHeading title="Import candidates" />
      <p>
        A CSV file with a header line naming the columns <code>candidate_number</code>, <code>given_name</code>,{' '}
        <code>family_name</code>, <code>date_of_birth</code> (YYYY-MM-DD), <code>uln</code> and, if needed,{' '}
        <code>extra_time_percent</code>. Nothing is imported until every row is right.
      </p>
      {imported && (
        <Notice kind="success">
          Imported {imported.length} {imported.length === 1 ? 'candidate' : 'candidates'}.{' '}
          <Link to={`/centres/${centre}/candidates`}>See the candidates</Link>
        </Notice>
      )}
      {error && <Notice kind="error">{error}</Notice>}
      {problems && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <h2>
            {problems.length} {problems.length === 1 ? 'problem' : 'problems'} in {file?.name}: nothing was imported
          </h2>
          <table class="data problems">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Field</th>
                <th scope="col">Problem</th>
                <th scope="col">The line in the file</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p, i) => (
                <tr key={i}>
                  <td>{p.line ?? (p.index !== undefined ? p.index + 2 : '')}</td>
                  <td>{p.field || '(the line)'}</td>
                  <td>{p.message}</td>
                  <td>
                    <code>{p.line !== undefined ? lines[p.line - 1] ?? '' : ''}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>Fix these rows in the file, then choose it again and import.</p>
        </div>
      )}
      <form onSubmit={submit} noValidate class="panel">
        <div class="field">
          <label for="csv-file">CSV file</label>
          <p class="hint" id="csv-file-hint">
            At most 1 MB (about 10,000 candidates)
          </p>
          <input
            id="csv-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="csv-file-hint"
            onChange={(e) => choose(e.currentTarget as HTMLInputElement)}
          />
        </div>
        {file && (
          <p>
            {file.name}: {Math.max(0, lines.filter((l) => l.trim() !== '').length - 1)} rows after the header.
          </p>
        )}
        <button type="submit" disabled={busy || !file}>
          Import
        </button>
      </form>
    </>
  );
}
