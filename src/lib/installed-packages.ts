/**
 * The files that say which code the installed packages hold: the lockfile and the patches `npm ci` applies
 * to them (`patches/`). Every cache whose answers depend on installed code includes them in its key.
 */
export const INSTALLED_PACKAGES = ['package-lock.json', 'patches/**'] as const;
