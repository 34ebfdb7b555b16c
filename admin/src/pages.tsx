// The console's pages that are not lists of records, with the roles that may open
// them; and the public pages, which anyone opens without signing in.
import AccessTimeIcon from '@mui/icons-material/AccessTime';
import CalculateIcon from '@mui/icons-material/Calculate';
import GavelIcon from '@mui/icons-material/Gavel';
import VerifiedIcon from '@mui/icons-material/Verified';
import NotificationsIcon from '@mui/icons-material/Notifications';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import WorkspacePremiumIcon from '@mui/icons-material/WorkspacePremium';
import { BUREAU, type ConsolePage, OFFICIALS, PROFESSIONAL, type PublicPage } from './console';
import { lazyPage } from './layout/lazy';

const MyHours = lazyPage(() => import('./my/my-hours'));
const HoursCalculator = lazyPage(() => import('./my/hours-calculator'));
const MyTitleApplications = lazyPage(() => import('./my/title-applications'));
const PolicyPage = lazyPage(() => import('./policy/policy-page'));
const MyCertificates = lazyPage(() => import('./certificates/my-certificates'));
const NotificationsPage = lazyPage(() => import('./notifications/notifications-page'));
const StaffImportPage = lazyPage(() => import('./staffImport/staff-import-page'));
const SignUpPage = lazyPage(() => import('./signUp/sign-up-page'));
const ApplyPage = lazyPage(() => import('./signUp/apply-page'));
const ProgressPage = lazyPage(() => import('./signUp/progress-page'));

export const pages: readonly ConsolePage[] = [
  { name: 'myHours', path: '/my-hours', element: <MyHours />, icon: AccessTimeIcon, roles: PROFESSIONAL, menu: true },
  { name: 'hoursCalculator', path: '/hours-calculator', element: <HoursCalculator />, icon: CalculateIcon, roles: PROFESSIONAL, menu: true },
  { name: 'myTitleApplications', path: '/my-title-applications', element: <MyTitleApplications />, icon: WorkspacePremiumIcon, roles: PROFESSIONAL, menu: true },
  { name: 'myCertificates', path: '/my-certificates', element: <MyCertificates />, icon: VerifiedIcon, roles: PROFESSIONAL, menu: true },
  { name: 'policy', path: '/policy', element: <PolicyPage />, icon: GavelIcon, roles: BUREAU, menu: true },
  // reached from the bell in the app bar
  { name: 'notifications', path: '/notifications', element: <NotificationsPage />, icon: NotificationsIcon, roles: [...OFFICIALS, ...PROFESSIONAL], menu: false },
  // reached from the staff list's "导入人员" button
  { name: 'staffImport', path: '/staff-import', element: <StaffImportPage />, icon: UploadFileIcon, roles: OFFICIALS, menu: false },
];

/** Linked from the sign-in page; each a small chunk of its own (docs/REGISTRATION.md). */
export const publicPages: readonly PublicPage[] = [
  { name: 'signUp', path: '/sign-up', element: <SignUpPage /> },
  { name: 'signUpOrganisation', path: '/sign-up/organisation', element: <ApplyPage /> },
  { name: 'signUpProgress', path: '/sign-up/progress', element: <ProgressPage /> },
];
