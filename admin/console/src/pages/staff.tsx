// A centre's staff accounts: who may sign in, and adding invigilators and
// admins. Passwords are set here once and never shown again; the server
// keeps only a slow hash.
import { useState } from 'preact/hooks';
import { api, type Me, type StaffUser } from '../api';
import { useDraft } from '../drafts';
import { roleName } from '../session';
import { ErrorSummary, errorFor, Select, TextInput } from '../ui/forms';
import { PageHeading } from '../ui/page-heading';
import { Loaded, Notice } from '../ui/status';
import { useSubmit } from '../ui/use-submit';
import { useResource } from '../ui/use-resource';

export default function Staff({ centre }: { me: Me; centre: number }) {
  const staff = useResource(
    () => api.get<{ staff: StaffUser[] }>(`/api/v1/centres/${centre}/staff`).then((r) => r.staff),
    [centre],
  );
  const [added, setAdded] = useState<StaffUser | null>(null);
  return (
    <>
      <PageHeading title="Staff accounts" />
      {added && (
        <Notice kind="success">
          {added.display_name} can now sign in as <strong>{added.username}</strong> ({roleName(added.role).toLowerCase()}).
        </Notice>
      )}
      <Loaded resource={staff} what="the staff">
        {(list) => (
          <table class="data">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Username</th>
                <th scope="col">Role</th>
                <th scope="col">Account</th>
              </tr>
            </thead>
            <tbody>
              {list.map((u) => (
                <tr key={u.id}>
                  <td>{u.display_name}</td>
                  <td>{u.username}</td>
                  <td>{roleName(u.role)}</td>
                  <td>{u.active ? 'Active' : 'Disabled'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
      <AddStaff
        centre={centre}
        onAdded={(u) => {
          setAdded(u);
          staff.reload();
        }}
      />
    </>
  );
}

function AddStaff(props: { centre: number; onAdded: (u: StaffUser) => void }) {
  // The password is never kept in a draft.
  const [draft, update, reset] = useDraft(`add-staff-${props.centre}`, { username: '', display_name: '', role: 'invigilator' });
  const [password, setPassword] = useState('');
  const { error, busy, run } = useSubmit();
  const submit = (e: Event) => {
    e.preventDefault();
    run(async () => {
      const u = await api.post<StaffUser>('/api/v1/staff', { ...draft, centre: props.centre, password });
      reset();
      setPassword('');
      props.onAdded(u);
    });
  };
  return (
    <section class="panel" aria-labelledby="add-staff-heading">
      <h2 id="add-staff-heading">Add a staff account</h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} prefix="staff-" />
        <div class="row-fields">
          <TextInput id="staff-display_name" label="Name" value={draft.display_name} onValue={(v) => update({ display_name: v })} error={errorFor(error, 'display_name')} />
          <TextInput id="staff-username" label="Username" autoComplete="off" autoCapitalize="none" value={draft.username} onValue={(v) => update({ username: v })} error={errorFor(error, 'username')} />
        </div>
        <Select
          id="staff-role"
          label="Role"
          value={draft.role}
          onValue={(v) => update({ role: v })}
          options={[
            { value: 'invigilator', label: 'Invigilator: runs the sessions assigned to them' },
            { value: 'centre_admin', label: 'Centre admin: candidates, bookings, results and claims' },
          ]}
          error={errorFor(error, 'role')}
        />
        <TextInput
          id="staff-password"
          label="Password"
          hint="12 to 128 characters; give it to them in person. They cannot change it here yet."
          type="password"
          autoComplete="new-password"
          value={password}
          onValue={setPassword}
          error={errorFor(error, 'password')}
        />
        <button type="submit" disabled={busy}>
          Add account
        </button>
      </form>
    </section>
  );
}
