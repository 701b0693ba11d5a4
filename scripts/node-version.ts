/** Stops with a clear message on a Node.js older than the build and tests need. */
export function assertNodeVersion(minimum = [22, 14] as const): void {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major > minimum[0] || (major === minimum[0] && minor >= minimum[1])) return;
  console.error(
    `Node.js ${process.versions.node} is too old: the handbook needs Node.js ${minimum.join('.')} or newer (24 LTS recommended).\n` +
      'Run the scripts through npm (`npm run build`, `npm test`): npm uses the Node 24 installed in node_modules by `npm ci`.',
  );
  process.exit(1);
}
