// The personal area's sections (Scrivania virtuale), in the order of its navigation. Kept apart from
// the components so the router knows the paths without loading any section.
export interface AreaSection {
  /** Path segment after /{tenant}/area-personale ('' for the Scrivania). */
  segment: string;
  label: string;
  /** The page's heading. */
  title: string;
}

export const AREA_SECTIONS: AreaSection[] = [
  { segment: '', label: 'Scrivania', title: 'Scrivania' },
  { segment: 'appuntamenti', label: 'Appuntamenti', title: 'I tuoi appuntamenti' },
  { segment: 'messaggi', label: 'Messaggi', title: 'Messaggi' },
  { segment: 'attivita', label: 'Attività', title: 'Le tue attività' },
  { segment: 'scadenze', label: 'Scadenze', title: 'Scadenze' },
  { segment: 'pratiche', label: 'Pratiche', title: 'Le tue pratiche' },
  { segment: 'pagamenti', label: 'Pagamenti', title: 'I tuoi pagamenti' },
  { segment: 'impostazioni', label: 'Impostazioni', title: 'Impostazioni' },
];

export const areaPath = (tenant: string, segment = '') => `/${tenant}/area-personale${segment ? `/${segment}` : ''}`;
