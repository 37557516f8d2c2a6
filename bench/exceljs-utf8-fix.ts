// The benchmark reads workbooks the way the product does: through the product's exceljs UTF-8 fix.
export { setExcelJsUtf8Fix } from '../src/platform/excel/exceljs-utf8-fix.ts';
