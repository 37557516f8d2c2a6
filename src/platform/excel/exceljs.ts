// The one way product code loads exceljs: the UTF-8 fix has to be in place before its readers load.
import './exceljs-utf8-fix.ts';
import ExcelJS from 'exceljs';

export default ExcelJS;
