// One data provider for the whole console: each resource folder brings its own
// GraphQL handlers (`<resource>/data.ts`), and this module routes react-admin's
// calls to them. A method a resource does not offer is refused clearly.
import type {
  CreateParams,
  DataProvider,
  DeleteManyParams,
  DeleteParams,
  GetListParams,
  GetListResult,
  GetManyParams,
  GetManyReferenceParams,
  GetOneParams,
  RaRecord,
  UpdateManyParams,
  UpdateParams,
} from 'ra-core';
import { ApiError } from './graphql';
import { forgetCursors } from './pagination';

/* eslint-disable @typescript-eslint/no-explicit-any -- react-admin's records are open objects */
export interface ResourceData {
  getList?(params: GetListParams): Promise<GetListResult<any>>;
  getOne?(params: GetOneParams): Promise<{ data: any }>;
  getMany?(params: GetManyParams): Promise<{ data: any[] }>;
  getManyReference?(params: GetManyReferenceParams): Promise<GetListResult<any>>;
  create?(params: CreateParams): Promise<{ data: any }>;
  update?(params: UpdateParams): Promise<{ data: any }>;
  delete?(params: DeleteParams): Promise<{ data: any }>;
  deleteMany?(params: DeleteManyParams): Promise<{ data: any[] }>;
  updateMany?(params: UpdateManyParams): Promise<{ data: any[] }>;
}

const WRITES = new Set(['create', 'update', 'delete', 'deleteMany', 'updateMany']);
const MAX_MANY = 100;

export function createDataProvider(handlers: Readonly<Record<string, ResourceData>>): DataProvider {
  const call = async (method: keyof ResourceData, resource: string, params: any): Promise<any> => {
    const data = handlers[resource];
    if (!data) throw new ApiError(`未知的资源：${resource}`, 404, 'NOT_FOUND', null);
    if (method === 'getMany' && !data.getMany && data.getOne) {
      const ids = (params as GetManyParams).ids.slice(0, MAX_MANY);
      const rows = await Promise.all(ids.map((id) => data.getOne!({ id }).then((r) => r.data as RaRecord).catch(() => null)));
      return { data: rows.filter((r): r is RaRecord => r !== null) };
    }
    const fn = data[method] as ((p: any) => Promise<any>) | undefined;
    if (!fn) throw new ApiError(`此处不支持该操作（${resource}.${method}）`, 405, 'BAD_REQUEST', null);
    const result = await fn.call(data, params);
    if (WRITES.has(method)) forgetCursors(resource);
    return result;
  };
  return {
    getList: (resource, params) => call('getList', resource, params),
    getOne: (resource, params) => call('getOne', resource, params),
    getMany: (resource, params) => call('getMany', resource, params),
    getManyReference: (resource, params) => call('getManyReference', resource, params),
    create: (resource, params) => call('create', resource, params),
    update: (resource, params) => call('update', resource, params),
    delete: (resource, params) => call('delete', resource, params),
    deleteMany: (resource, params) => call('deleteMany', resource, params),
    updateMany: (resource, params) => call('updateMany', resource, params),
  } as DataProvider;
}
