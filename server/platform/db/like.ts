// A user's words inside an ILIKE pattern: the pattern's own characters (%, _ and the escape) lose
// their meaning, so a search for "100%" finds "100%" and not everything starting with "100".
export const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
