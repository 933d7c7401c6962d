// A real (tiny, 24×16) JPEG photo as a phone would send it: an Exif block carrying where it was taken
// and the phone's make, which Sportello must remove before storing it.
const PICTURE = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wCEAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSgBBwcHCggKEwoKEygaFhooKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKP/AABEIABAAGAMBEQACEQEDEQH/xAGiAAABBQEBAQEBAQAAAAAAAAAAAQIDBAUGBwgJCgsQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+gEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoLEQACAQIEBAMEBwUEBAABAncAAQIDEQQFITEGEkFRB2FxEyIygQgUQpGhscEJIzNS8BVictEKFiQ04SXxFxgZGiYnKCkqNTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqCg4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2dri4+Tl5ufo6ery8/T19vf4+fr/2gAMAwEAAhEDEQA/AILROlfOVMKff1JGzaJ0rjnhTgqSNm0TpXHUwp59SRy9onSvvKmFPZqSNm0TpXHPCnBUkbNonSuOphTz6kj/AP/Z',
  'base64',
);

/** What the Exif block says: a test finds it in the upload and must not find it in what is stored. */
export const PHOTO_SECRET = 'GPS 41.1171N 16.8719E Pixel-8';

function exifSegment(text: string): Buffer {
  const payload = Buffer.concat([Buffer.from('Exif\0\0'), Buffer.from(text)]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** The picture with an Exif segment right after the start of image (where cameras put it). */
export const photoWithLocation = (): Buffer => Buffer.concat([PICTURE.subarray(0, 2), exifSegment(PHOTO_SECRET), PICTURE.subarray(2)]);
