// The console's look: react-admin's default theme with a typeface stack that has Chinese glyphs.
import { defaultTheme, type RaThemeOptions } from 'react-admin';

export const theme: RaThemeOptions = {
  ...defaultTheme,
  typography: {
    fontFamily: ['-apple-system', 'BlinkMacSystemFont', '"PingFang SC"', '"Microsoft YaHei"', '"Noto Sans CJK SC"', '"Segoe UI"', 'Roboto', 'sans-serif'].join(','),
  },
};
