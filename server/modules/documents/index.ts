// Documents module: files attached to an appointment or a video room (upload with type detection
// and limits, listing, download). Used by the video room, the manage link and the officer's agenda.
export { fileNotFound } from './errors.ts';
export { toRoomFile } from './mappers.ts';
export { listBookingFiles, listRoomFiles, type RoomFileRow } from './repository.ts';
export { openStoredFile, sendStoredFile, storeDocument, type NewDocument, type StoredDocument } from './store.ts';
