import { defineErrors } from '../platform/errors';

export const reminderError = defineErrors({
  NOTIFICATION_ID_INVALID: '通知编号无效',
});
