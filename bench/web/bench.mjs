// Runs each benchmark in its own module worker (the engine never runs on the page's main thread)
// and leaves the results in window.benchResults for bench/run.mjs to read.
const log = document.getElementById('log');
const params = new URLSearchParams(location.search);
const cases = (params.get('cases') ?? 'pi').split(',');

function inWorker(script, message) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(script, import.meta.url), { type: 'module' });
    worker.onmessage = (event) => {
      if (event.data.type === 'log') {
        log.textContent += `\n${event.data.text}`;
        return;
      }
      worker.terminate();
      if (event.data.type === 'error') reject(new Error(event.data.message));
      else resolve(event.data.results);
    };
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage(message);
  });
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

window.benchResults = (async () => {
  const results = [];
  const threads = Math.min(navigator.hardwareConcurrency || 1, 16);
  if (cases.includes('pi')) {
    results.push(...(await inWorker('./pi-worker.mjs', { build: 'st', threads: [1] })));
    results.push(...(await inWorker('./pi-worker.mjs', { build: 'mt', threads: [...new Set([1, threads])] })));
  }
  if (cases.includes('gemm')) {
    const sizes = [128, 256, 512, 1024];
    const counts = [...new Set([1, Math.min(2, threads)])];
    for (const r of await inWorker('./gemm-worker.mjs', { sizes, threads: counts })) results.push({ ...r, impl: 'ours' });
  }
  if (cases.includes('models')) {
    const counts = [...new Set([1, Math.min(2, threads)])];
    results.push(...(await inWorker('./model-worker.mjs', { threads: counts })));
  }
  if (cases.includes('gpt')) results.push(...(await inWorker('./gpt-worker.mjs', {})));
  if (cases.includes('tfjs-gemm') || cases.includes('tfjs-models')) {
    await loadScript('/tfjs/tf.min.js');
    await loadScript('/tfjs-wasm/tf-backend-wasm.min.js');
    await loadScript('./tfjs.js');
    const say = (text) => (log.textContent += `\n${text}`);
    const tfjsThreads = Number(params.get('threads') ?? 1);
    await window.tfjsInit(tfjsThreads, say);
    if (cases.includes('tfjs-gemm')) results.push(...(await window.tfjsGemm([128, 256, 512, 1024], tfjsThreads, say)));
    if (cases.includes('tfjs-models')) results.push(...window.tfjsModels(tfjsThreads, say));
  }
  log.textContent += '\ndone';
  return { crossOriginIsolated, hardwareConcurrency: navigator.hardwareConcurrency, results };
})().catch((error) => ({ error: error.message }));
