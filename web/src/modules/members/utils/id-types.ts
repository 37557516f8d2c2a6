/** 证件类型 code of the 居民身份证 (GET /api/meta/member-enums → idTypes). */
export const RESIDENT_ID = 'resident';

/** Only a resident ID carries the birth date and sex; any other document needs them typed in. */
export const derivesIdentity = (idType: string | undefined) => idType === RESIDENT_ID;
