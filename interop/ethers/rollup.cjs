// Reads {rpc, ws, key, to, initCode, word} as JSON on stdin and drives the
// rollup node with stock ethers v6, as any dapp would: a transfer, a
// contract deployment and a call through eth_sendRawTransaction, receipts,
// balances, logs, storage, a newHeads subscription over WebSocket, and a
// transaction with a used nonce. Writes what it saw as JSON to stdout.
const { ethers } = require("ethers");

async function main() {
  let input = "";
  for await (const chunk of process.stdin) input += chunk;
  const req = JSON.parse(input);
  const provider = new ethers.JsonRpcProvider(req.rpc, undefined, { staticNetwork: true, pollingInterval: 250 });
  const wallet = new ethers.Wallet(req.key, provider);
  const out = {};
  out.chainId = (await provider.getNetwork()).chainId.toString();

  const ws = new ethers.WebSocketProvider(req.ws);
  const heads = [];
  await ws.on("block", (n) => heads.push(n));

  const before = await provider.getBalance(req.to);
  const transfer = await wallet.sendTransaction({ to: req.to, value: 1000n });
  const tr = await transfer.wait(1, 60000);
  out.transfer = { hash: transfer.hash, status: tr.status, block: tr.blockNumber };
  out.balanceGain = ((await provider.getBalance(req.to)) - before).toString();

  const deploy = await wallet.sendTransaction({ data: req.initCode });
  const dr = await deploy.wait(1, 60000);
  out.contract = dr.contractAddress;
  out.code = await provider.getCode(dr.contractAddress);

  const call = await wallet.sendTransaction({ to: dr.contractAddress, data: req.word });
  const cr = await call.wait(1, 60000);
  out.callStatus = cr.status;
  out.storage = await provider.getStorage(dr.contractAddress, 0);
  const logs = await provider.getLogs({ address: dr.contractAddress, fromBlock: 0, toBlock: "latest" });
  out.logs = logs.map((l) => ({ topic: l.topics[0], tx: l.transactionHash }));
  out.callHash = call.hash;

  try {
    await wallet.sendTransaction({ to: req.to, value: 1n, nonce: transfer.nonce });
    out.usedNonce = "accepted";
  } catch (e) {
    out.usedNonce = e.code || String(e);
  }
  const deadline = Date.now() + 10000;
  while (heads.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  out.heads = heads.length;
  await ws.destroy();
  process.stdout.write(JSON.stringify(out));
}

main().then(() => process.exit(0)).catch((e) => {
  console.error(e);
  process.exit(1);
});
