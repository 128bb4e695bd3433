// Certificates as the console shows them, and what it does with their files.
import { api } from './api';
import { saveFile } from './format';

export interface CertificateEntry {
  number: string;
  kind: 'full' | 'unit';
  candidate: number;
  qualification: string;
  status: 'current' | 'replaced' | string;
  issued_at: string;
  issued_by: string;
  replacement: boolean;
  replaces: string | null;
  download: string;
}

export interface Verification {
  valid: boolean;
  reason?: string;
  number?: string;
  kind?: string;
  candidate?: string;
  qualification?: string;
  issued_at?: string;
  replacement?: boolean;
  replaces?: string | null;
  register?: { status: string; replaced_by?: string };
}

export async function downloadCertificate(number: string): Promise<void> {
  const file = await api.download(`/api/v1/certificates/${encodeURIComponent(number)}`, 'application/json');
  saveFile(`${number}.json`, 'application/json', file.text);
}

export function verifyCertificate(text: string): Promise<Verification> {
  return api.request<Verification>('POST', '/api/v1/certificates/verify', { raw: { type: 'application/json', text } });
}
