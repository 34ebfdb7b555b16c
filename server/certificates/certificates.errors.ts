import { defineErrors } from '../platform/errors';

export const certificateError = defineErrors({
  CERTIFICATE_NOT_FOUND: '证书不存在或无权查看',
  CERTIFICATE_YEARS_REQUIRED: '请选择证书要证明的年度',
  CERTIFICATE_ONE_YEAR: '本地学时证明按年度出具：每份证书只包含一个年度',
  CERTIFICATE_WINDOW_REQUIRED: '本地证书按职称评审要求的年限统一核发：请填写拟申报级别和申报年度',
  CERTIFICATE_NO_WINDOW: '政策未规定申报该级别须完成哪些年度的继续教育，不能核发证书',
  CERTIFICATE_YEARS_NOT_WINDOW: '本地证书按职称评审要求的年限统一核发，不单独核发某一年度或其他年度组合',
  CERTIFICATE_YEAR_NOT_CERTIFIED: '该年度尚未认定（或认定已因学时撤销而失效），不能出具证书',
  CERTIFICATE_YEAR_NOT_COMPLETE: '该年度未达标：本地证书只证明达标的年度',
  CERTIFICATE_NO_ISSUER: '未找到本地人社局机构，不能出具证书',
});

export type CertificateErrorCode = keyof typeof certificateError.catalog;
