// What a reservation or declaration says beyond its kind (which the page words through
// `effect.<kind>`): the central authority's name or the languages it accepts, as the data has them
// (English data, marked so). A node that sends no parameters gets its English description.
export function EffectData({ params, description, kind }: { params?: Record<string, string> | undefined; description: string; kind: string }) {
  const data = params?.name ?? params?.languages;
  if (data) {
    return (
      <>
        : <bdi lang="en">{data}</bdi>
      </>
    );
  }
  if ((kind === 'central-authority' || kind === 'languages') && description && !params) {
    return (
      <>
        : <bdi lang="en">{description}</bdi>
      </>
    );
  }
  return null;
}
