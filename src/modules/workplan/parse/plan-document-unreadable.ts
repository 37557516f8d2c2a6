/** Why an upload could not be read: a legacy .doc, a zip that is no .docx, or bytes that are not text. */
export type UnreadableReason = 'legacy_doc' | 'not_docx' | 'not_text';

const MESSAGES: Readonly<Record<UnreadableReason, { zh: string; en: string }>> = {
  legacy_doc: { zh: '不支持旧版 Word（.doc）文件，请另存为 .docx 后重新上传', en: 'Old Word (.doc) files are not supported: save the file as .docx and upload it again' },
  not_docx: { zh: '该文件不是有效的 Word（.docx）文档', en: 'The file is not a valid Word (.docx) document' },
  not_text: { zh: '无法读取该文件，请上传 .docx 或 .txt 格式的工作要点', en: 'The file cannot be read: upload the work plan as .docx or .txt' },
};

/** 文件无法读取: the upload is neither a Word .docx nor plain text (the route answers 4xx with `zh` / `en`). */
export class PlanDocumentUnreadable extends Error {
  readonly reason: UnreadableReason;
  readonly zh: string;
  readonly en: string;

  constructor(reason: UnreadableReason, options?: { cause?: unknown }) {
    const { zh, en } = MESSAGES[reason];
    super(`${zh} / ${en}`, options);
    this.name = 'PlanDocumentUnreadable';
    this.reason = reason;
    this.zh = zh;
    this.en = en;
  }
}
