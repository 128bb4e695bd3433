// Qualifications and units as centres book and register on them
// (GET /api/v1/catalogue), fetched once per page load.
import { api } from './api';

export interface CatalogueUnit {
  code: string;
  title: string;
  level: number;
  credit: number | null;
  onscreen_test: { items: number; duration_minutes: number; pass_mark: number } | null;
}

export interface CatalogueQualification {
  id: string;
  title: string;
  awarding_organisation: string;
  units: string[];
}

export interface Catalogue {
  qualifications: CatalogueQualification[];
  units: CatalogueUnit[];
}

let cached: Promise<Catalogue> | null = null;

export function catalogue(): Promise<Catalogue> {
  cached ??= api.get<Catalogue>('/api/v1/catalogue').catch((e) => {
    cached = null;
    throw e;
  });
  return cached;
}

export function unitLabel(c: Catalogue | null, code: string): string {
  const u = c?.units.find((x) => x.code === code);
  return u ? `${u.code} ${u.title}` : code;
}

export function qualificationLabel(c: Catalogue | null, id: string): string {
  const q = c?.qualifications.find((x) => x.id === id);
  return q ? `${q.id} ${q.title}` : id;
}
