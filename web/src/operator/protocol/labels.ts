import type { ProtocolDirection } from '../../../../contracts/protocol.ts';

export const DIRECTION_LABELS: Record<ProtocolDirection, string> = { incoming: 'In entrata', outgoing: 'In uscita', internal: 'Interno' };

export const DIRECTION_OPTIONS = (Object.keys(DIRECTION_LABELS) as ProtocolDirection[]).map((value) => ({ value, label: DIRECTION_LABELS[value] }));
