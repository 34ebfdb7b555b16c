import { defineErrors } from '../platform/errors';

export const apiClientError = defineErrors({
  API_CLIENT_NOT_FOUND: 'API 客户端不存在',
  API_CLIENT_REVOKED: 'API 客户端已吊销',
});
