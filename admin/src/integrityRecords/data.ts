// The integrity record (职称评审诚信档案) is read per professional
// (integrityRecords(professionalId)); the list finds the people first, by ID
// number or name prefix, then reads each one's records. A row's id carries the
// professional ("<professionalId>~<recordId>") so that a show page can re-read it.
import type { ResourceData } from '../providers/data-provider';
import { ApiError, gql } from '../providers/graphql';

export interface IntegrityRow {
  id: string;
  recordId: string;
  professionalId: string;
  professionalName: string;
  idNumberMasked: string;
  declarationId: string | null;
  from: string;
  until: string | null;
  reason: string;
  recordedAt: string;
}

interface Person {
  id: string;
  name: string;
  idNumberMasked: string;
}
interface RawRecord {
  id: string;
  declarationId: string | null;
  from: string;
  until: string | null;
  reason: string;
  recordedAt: string;
}

const PEOPLE = `query People($filter: ProfessionalFilter, $first: Int!) { professionals(filter: $filter, first: $first) { nodes { id name idNumberMasked } } }`;
const PERSON = `query Person($id: ID!) { professional(id: $id) { id name idNumberMasked } }`;
const RECORDS = `query IntegrityRecords($professionalId: ID!) { integrityRecords(professionalId: $professionalId) { id declarationId from until reason recordedAt } }`;

/** People searched at most at once (each is one more request for their records). */
const MAX_PEOPLE = 20;

async function recordsOf(person: Person): Promise<IntegrityRow[]> {
  const { integrityRecords } = await gql<{ integrityRecords: RawRecord[] }>(RECORDS, { professionalId: person.id });
  return integrityRecords.map((r) => ({
    ...r,
    id: `${person.id}~${r.id}`,
    recordId: r.id,
    professionalId: person.id,
    professionalName: person.name,
    idNumberMasked: person.idNumberMasked,
  }));
}

export const integrityRecordsData: ResourceData = {
  async getList({ filter, pagination }) {
    const idNumber = typeof filter?.idNumber === 'string' ? filter.idNumber.trim().toUpperCase() : '';
    const name = typeof filter?.name === 'string' ? filter.name.trim() : '';
    if (!idNumber && !name) return { data: [], total: 0 };
    const search = idNumber ? { idNumber } : { name };
    const { professionals } = await gql<{ professionals: { nodes: Person[] } }>(PEOPLE, { filter: search, first: MAX_PEOPLE });
    const rows = (await Promise.all(professionals.nodes.map(recordsOf))).flat().sort((a, b) => (a.recordedAt < b.recordedAt ? 1 : -1));
    const perPage = pagination?.perPage ?? 25;
    const page = pagination?.page ?? 1;
    return { data: rows.slice((page - 1) * perPage, page * perPage), total: rows.length };
  },
  async getOne({ id }) {
    const [professionalId, recordId] = String(id).split('~');
    const { professional } = await gql<{ professional: Person | null }>(PERSON, { id: professionalId });
    const found = professional ? (await recordsOf(professional)).find((r) => r.recordId === recordId) : undefined;
    if (!found) throw new ApiError('ra.notification.item_doesnt_exist', 404, 'NOT_FOUND', null);
    return { data: found };
  },
};
