// The words a person sees for a FollowTheMoney property of an entity ("imoNumber" → Numéro OMI), from
// the label files in i18n/ftm/ (their README says where they come from and what they cover).

/**
 * The translation key of an FtM property's label on a schema (i18n/ftm/README.md): the schema's own
 * label where FtM gives it one, else the property's. Null for a property no label file knows (a
 * stub or a newer model's property): the caller then shows the FtM name itself.
 */
export function propertyLabelKey(schema: string, property: string, has: (key: string) => boolean): string | null {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(property)) return null;
  const own = `ftm.schemaProperty.${schema}.${property}`;
  if (has(own)) return own;
  const shared = `ftm.property.${property}`;
  return has(shared) ? shared : null;
}

/** The FtM properties of type "country" on the schemas a case holds: their values are ISO codes ("pa"). */
export const COUNTRY_PROPERTIES: ReadonlySet<string> = new Set(['birthCountry', 'citizenship', 'country', 'flag', 'jurisdiction', 'mainCountry', 'nationality', 'pastFlags']);

/** An FtM country code as the country's name in the reader's language, with the code: "Panamá (PA)". Codes Intl does not name (FtM's "zz", "suhh" …) stay as they are. */
export function countryValue(code: string, lng: string): string {
  const upper = code.toUpperCase();
  try {
    const name = new Intl.DisplayNames([lng], { type: 'region', fallback: 'none' }).of(upper);
    return name ? `${name} (${upper})` : code;
  } catch {
    return code;
  }
}
