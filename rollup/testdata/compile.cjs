// Compiles Token.sol with solc 0.8.37 (npm install solc@0.8.37 next to it)
// for Prague, optimized, and writes token.bin (creation code, hex).
const fs = require("fs");
const path = require("path");
const solc = require("solc");
const src = fs.readFileSync(path.join(__dirname, "Token.sol"), "utf8");
const input = {
  language: "Solidity",
  sources: { "Token.sol": { content: src } },
  settings: { evmVersion: "prague", optimizer: { enabled: true, runs: 200 }, outputSelection: { "*": { "*": ["evm.bytecode.object"] } } },
};
const out = JSON.parse(solc.compile(JSON.stringify(input)));
for (const e of out.errors || []) if (e.severity === "error") throw new Error(e.formattedMessage);
fs.writeFileSync(path.join(__dirname, "token.bin"), out.contracts["Token.sol"].Token.evm.bytecode.object + "\n");
