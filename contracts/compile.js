// compile.js builds every contract of src/ with the pinned solc (package.json,
// package-lock.json) and the settings of solc.json, through solc's
// standard-JSON interface (solcjs has no --combined-json), and writes
// build/<Contract>.abi and build/<Contract>.bin for abigen, and
// build/<Contract>.bin-runtime, the code a deployment leaves on chain (Veil
// checks its hash). Interfaces get an .abi only. It fails on any compiler
// error, so `make contracts` never commits a half-built tree.
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const root = __dirname;
const srcDir = path.join(root, 'src');
const outDir = path.join(root, 'build');
const settings = JSON.parse(fs.readFileSync(path.join(root, 'solc.json'), 'utf8'));

const sources = {};
for (const f of fs.readdirSync(srcDir).filter((f) => f.endsWith('.sol')).sort()) {
  sources[f] = { content: fs.readFileSync(path.join(srcDir, f), 'utf8') };
}
const input = { language: 'Solidity', sources, settings };
const output = JSON.parse(solc.compile(JSON.stringify(input), {
  import: (p) => {
    const file = path.join(srcDir, path.basename(p));
    return fs.existsSync(file) ? { contents: fs.readFileSync(file, 'utf8') } : { error: `${p}: not in src/` };
  },
}));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
for (const e of output.errors || []) {
  process.stderr.write(e.formattedMessage + '\n');
}
if (errors.length > 0) {
  process.exit(1);
}
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir);
const written = [];
for (const file of Object.keys(output.contracts).sort()) {
  for (const [name, c] of Object.entries(output.contracts[file]).sort()) {
    fs.writeFileSync(path.join(outDir, `${name}.abi`), JSON.stringify(c.abi, null, 1) + '\n');
    const bin = c.evm.bytecode.object;
    if (bin) {
      fs.writeFileSync(path.join(outDir, `${name}.bin`), bin + '\n');
      fs.writeFileSync(path.join(outDir, `${name}.bin-runtime`), c.evm.deployedBytecode.object + '\n');
    }
    written.push(name);
  }
}
// The manifest pins what the build was made from, so a Go test can tell
// that sources or settings changed without a rebuild.
const crypto = require('crypto');
const sha = (b) => crypto.createHash('sha256').update(b).digest('hex');
const manifest = {
  solc: solc.version(),
  settings: sha(fs.readFileSync(path.join(root, 'solc.json'))),
  sources: Object.fromEntries(Object.entries(sources).map(([f, s]) => [f, sha(s.content)])),
};
fs.writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
process.stdout.write(`solc ${solc.version()}: ${written.join(', ')}\n`);
