import { defineErrors } from './error-spec.js';

/**
 * Error codes of packed module archives (`.vttmod`, `VTT_ERR_ARCHIVE_*`):
 * writing them, and refusing a hostile or damaged one while reading.
 */
export const ARCHIVE_ERRORS = defineErrors({
  // --- the gzip layer
  VTT_ERR_ARCHIVE_NOT_GZIP: {
    message: 'The archive is not gzip-compressed ({reason}).',
    fix: "Pack the module with 'vtt pack'; a .vttmod file is a gzip-compressed ustar tar.",
    status: 422,
  },
  VTT_ERR_ARCHIVE_CORRUPT: {
    message: 'The archive is damaged: {reason}.',
    fix: 'Download or copy the archive again, or repack the module with `vtt pack`.',
    status: 422,
  },
  VTT_ERR_ARCHIVE_TRUNCATED: {
    message: 'The archive ends early: {reason}.',
    fix: 'The file was cut off in transfer; download or copy it again.',
    status: 422,
  },
  VTT_ERR_ARCHIVE_TRAILING_DATA: {
    message: 'The archive has {bytes} unexpected bytes after its end ({where}).',
    fix: 'Repack the module with `vtt pack`; nothing may follow the end of the archive.',
    status: 422,
  },
  // --- the tar layer
  VTT_ERR_ARCHIVE_BAD_CHECKSUM: {
    message:
      'The tar header at offset {offset} has checksum {stored}, but its bytes sum to {actual}.',
    fix: 'The archive is damaged; download it again or repack the module with `vtt pack`.',
    status: 422,
  },
  VTT_ERR_ARCHIVE_BAD_HEADER: {
    message: 'The tar header at offset {offset} has an invalid {field} field.',
    fix: 'Repack the module with `vtt pack`, which writes plain ustar headers.',
    status: 422,
  },
  VTT_ERR_ARCHIVE_NOT_USTAR: {
    message: 'The tar header at offset {offset} is not a POSIX ustar header (magic {magic}).',
    fix: 'Repack the module with `vtt pack`; GNU, v7 and other tar variants are not accepted.',
    status: 422,
  },
  VTT_ERR_ARCHIVE_EXTENSION_HEADER: {
    message: "The entry at offset {offset} is a pax/GNU extension header (type '{type}').",
    fix: 'Repack with `vtt pack`: long names and extended attributes are not supported; keep paths short.',
    status: 422,
  },
  VTT_ERR_ARCHIVE_SYMLINK: {
    message: "'{path}' is a symbolic link; archives may only hold regular files.",
    fix: 'Replace the link with a copy of the file it points to, then repack.',
    status: 422,
  },
  VTT_ERR_ARCHIVE_HARDLINK: {
    message: "'{path}' is a hard link; archives may only hold regular files.",
    fix: 'Replace the link with a copy of the file, then repack.',
    status: 422,
  },
  VTT_ERR_ARCHIVE_SPECIAL_FILE: {
    message: "'{path}' is a device or FIFO (type '{type}'); archives may only hold regular files.",
    fix: 'Remove the special file from the module folder, then repack.',
    status: 422,
  },
  VTT_ERR_ARCHIVE_ENTRY_TYPE: {
    message: "'{path}' has tar type '{type}'; archives may only hold regular files (type '0').",
    fix: 'Directories are implied by file paths and must not be stored; repack with `vtt pack`.',
    status: 422,
  },
  // --- entry names
  VTT_ERR_ARCHIVE_PATH_TRAVERSAL: {
    message: "The entry path '{path}' has a '..' segment.",
    fix: "Use paths relative to the module folder without '..', like 'assets/map.webp'.",
    status: 422,
  },
  VTT_ERR_ARCHIVE_PATH_ABSOLUTE: {
    message: "The entry path '{path}' is absolute.",
    fix: "Use paths relative to the module folder, without a leading '/', like 'dist/module.js'.",
    status: 422,
  },
  VTT_ERR_ARCHIVE_PATH_DRIVE: {
    message: "The entry path '{path}' starts with a drive letter.",
    fix: "Use paths relative to the module folder, without 'C:', like 'dist/module.js'.",
    status: 422,
  },
  VTT_ERR_ARCHIVE_PATH_BACKSLASH: {
    message: "The entry path '{path}' contains a backslash.",
    fix: "Separate folders with '/', like 'assets/map.webp'.",
    status: 422,
  },
  VTT_ERR_ARCHIVE_PATH_CONTROL_CHAR: {
    message: 'The entry path {path} contains a NUL or control character ({char}).',
    fix: 'Rename the file using printable characters only.',
    status: 422,
  },
  VTT_ERR_ARCHIVE_PATH_INVALID: {
    message: "The entry path '{path}' is not allowed: {reason}.",
    fix: 'Rename the file so it is valid on Windows, macOS and Linux alike, then repack.',
    status: 422,
  },
  VTT_ERR_ARCHIVE_PATH_TOO_LONG: {
    message: "The entry path '{path}' is too long: {reason}.",
    fix: 'Shorten file or folder names (at most {max} characters in all, 100 bytes per name).',
    status: 422,
  },
  VTT_ERR_ARCHIVE_PATH_TOO_DEEP: {
    message: "The entry path '{path}' is {depth} segments deep; the limit is {max}.",
    fix: 'Flatten the folder structure of the module.',
    status: 422,
  },
  VTT_ERR_ARCHIVE_RESERVED_PATH: {
    message: "'{path}' is reserved for the archive's integrity record.",
    fix: 'Rename or remove that file; `vtt pack` writes the integrity record itself.',
    status: 422,
  },
  VTT_ERR_ARCHIVE_PATH_CONFLICT: {
    message: "'{path}' needs '{other}' to be a folder, but '{other}' is stored as a file.",
    fix: 'Rename the file or the folder so they differ, then repack.',
    status: 422,
  },
  VTT_ERR_ARCHIVE_DUPLICATE_ENTRY: {
    message: "'{path}' is stored twice (also as '{other}').",
    fix: 'Each path may appear once; repack the module with `vtt pack`.',
    status: 422,
  },
  VTT_ERR_ARCHIVE_CASE_COLLISION: {
    message: "'{path}' and '{other}' differ only in letter case and collide on Windows and macOS.",
    fix: 'Rename one of the two files, then repack.',
    status: 422,
  },
  // --- limits
  VTT_ERR_ARCHIVE_TOO_MANY_ENTRIES: {
    message: 'The archive has more than {max} entries.',
    fix: 'Merge small files (e.g. compendium entries into one JSON file) or remove unused ones.',
    status: 413,
  },
  VTT_ERR_ARCHIVE_ENTRY_TOO_LARGE: {
    message: "'{path}' is over the limit of {max} bytes per file.",
    fix: 'Compress or split the file, or host large media outside the module.',
    status: 413,
  },
  VTT_ERR_ARCHIVE_TOO_LARGE: {
    message: 'The archive unpacks to more than {max} bytes.',
    fix: 'Remove or compress large assets; the limit counts the unpacked bytes.',
    status: 413,
  },
  VTT_ERR_ARCHIVE_LIMIT_INVALID: {
    message: 'The archive limit {name} must be a positive whole number, got {value}.',
    fix: 'Pass a positive integer for {name}, or leave it out to use the default.',
    status: 500,
  },
  // --- the integrity record
  VTT_ERR_ARCHIVE_INTEGRITY_MISSING: {
    message: "The archive does not start with its integrity record '{path}'.",
    fix: 'Repack the module with `vtt pack`, which writes the integrity record first.',
    status: 422,
  },
  VTT_ERR_ARCHIVE_INTEGRITY_INVALID: {
    message: 'The integrity record is malformed: {reason}.',
    fix: 'Repack the module with `vtt pack`.',
    status: 422,
  },
  VTT_ERR_ARCHIVE_INTEGRITY_MISMATCH: {
    message: "'{path}' does not match the integrity record ({field} differs).",
    fix: 'The archive was altered after packing; get an unmodified copy or repack the module.',
    status: 422,
  },
  VTT_ERR_ARCHIVE_INTEGRITY_UNLISTED: {
    message: "'{path}' is in the archive but not in its integrity record.",
    fix: 'The archive was altered after packing; get an unmodified copy or repack the module.',
    status: 422,
  },
  VTT_ERR_ARCHIVE_INTEGRITY_FILE_MISSING: {
    message: "The integrity record lists '{path}', which is not in the archive.",
    fix: 'The archive was altered after packing; get an unmodified copy or repack the module.',
    status: 422,
  },
  VTT_ERR_ARCHIVE_DIGEST_MISMATCH: {
    message: 'The integrity record states digest {stated}, but its listing hashes to {actual}.',
    fix: 'The archive was altered after packing; get an unmodified copy or repack the module.',
    status: 422,
  },
});
