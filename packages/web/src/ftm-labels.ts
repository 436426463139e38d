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
