// Reads {encrypt: [{message, identity, eonKey, sigma}], decrypt: [{ciphertext, key}]}
// (0x-hex strings) as JSON on stdin and writes {encrypted: [hex],
// decrypted: [{plaintext} | {error}]} to stdout, using Shutter's JS SDK.
const { encryptData, decrypt } = require("@shutter-network/shutter-sdk");

// The SDK logs on every call; keep stdout for the result.
console.log = (...args) => console.error(...args);

async function main() {
  let input = "";
  for await (const chunk of process.stdin) input += chunk;
  const req = JSON.parse(input);
  const encrypted = [];
  for (const c of req.encrypt) {
    // Argument order: message, identity preimage, eon key, sigma.
    encrypted.push(await encryptData(c.message, c.identity, c.eonKey, c.sigma));
  }
  const decrypted = [];
  for (const c of req.decrypt) {
    try {
      decrypted.push({ plaintext: await decrypt(c.ciphertext, c.key) });
    } catch (e) {
      decrypted.push({ error: String(e) });
    }
  }
  process.stdout.write(JSON.stringify({ encrypted, decrypted }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
