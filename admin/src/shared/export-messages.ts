// The export button's messages (shared/export-button.tsx).
export const exportMessages = {
  zh: {
    app: {
      export: {
        button: '导出 Excel',
        running: '正在导出…',
        done: '已导出：%{name}',
      },
    },
  },
  en: {
    app: {
      export: {
        button: 'Export to Excel',
        running: 'Exporting…',
        done: 'Exported: %{name}',
      },
    },
  },
};
