// Node half of scripts/solc; see that file for why it exists.
'use strict';
const path = require('path');
const fs = require('fs');

const root = path.resolve(__dirname, '..');
const solc = require(path.join(root, 'node_modules', 'solc'));
const args = process.argv.slice(2);

if (args.includes('--version')) {
  // forge parses the line that starts with "Version:"; native solc prints the
  // same shape.
  process.stdout.write('solc, the solidity compiler commandline interface\nVersion: ' + solc.version() + '\n');
  process.exit(0);
}
if (!args.includes('--standard-json')) {
  process.stderr.write('scripts/solc: only --version and --standard-json are supported (got: ' + args.join(' ') + ')\n');
  process.exit(2);
}

// Forge inlines every source, so imports resolve only as a fallback (the
// allowed roots: project and node_modules).
function findImports(p) {
  for (const base of [root, path.join(root, 'node_modules')]) {
    const full = path.resolve(base, p);
    if (full.startsWith(root) && fs.existsSync(full)) {
      return { contents: fs.readFileSync(full, 'utf8') };
    }
  }
  return { error: 'File not found: ' + p };
}

const input = fs.readFileSync(0, 'utf8');
process.stdout.write(solc.compile(input, { import: findImports }));
