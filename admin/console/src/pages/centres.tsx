// The awarding organisation's way into each centre's pages.
import { api, type Centre, type Me } from '../api';
import { Link } from '../frame';
import { PageHeading } from '../ui/page-heading';
import { Loaded } from '../ui/status';
import { useResource } from '../ui/use-resource';

export default function Centres(_: { me: Me }) {
  const centres = useResource(() => api.get<{ centres: Centre[] }>('/api/v1/centres').then((r) => r.centres), []);
  return (
    <>
      <PageHeading title="Centres" />
      <Loaded resource={centres} what="the centres">
        {(list) => (
          <table class="data">
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Name</th>
                <th scope="col">Pages</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.id}>
                  <td>{c.number}</td>
                  <td>{c.name}</td>
                  <td class="links">
                    <Link to={`/centres/${c.id}/sessions`}>
                      Sessions<span class="visually-hidden"> of {c.name}</span>
                    </Link>
                    <Link to={`/centres/${c.id}/candidates`}>
                      Candidates<span class="visually-hidden"> of {c.name}</span>
                    </Link>
                    <Link to={`/centres/${c.id}/results`}>
                      Results<span class="visually-hidden"> of {c.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </>
  );
}
