import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => fs.existsSync(p)) ?? null;

export interface RunningNginx {
  url: string;
  stop(): Promise<void>;
}

/**
 * nginx in front of `upstreams` (host:port), round robin, no sticky sessions, as the README's
 * block: everything under its own temporary prefix (config, pid, logs, every temp path), so it
 * needs nothing of the system's nginx. Bodies up to 1 MB stay in memory (no temp file to write).
 */
export async function startNginx(port: number, upstreams: string[]): Promise<RunningNginx> {
  if (!NGINX) throw new Error("nginx is not installed (apt-get install -y nginx).");
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "crm-nginx-"));
  fs.chmodSync(prefix, 0o755);
  for (const dir of ["logs", "tmp/body", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi"])
    fs.mkdirSync(path.join(prefix, dir), { recursive: true, mode: 0o777 });
  const conf = `
worker_processes 1;
error_log ${prefix}/logs/error.log warn;
pid ${prefix}/nginx.pid;
${process.getuid?.() === 0 ? "user root;" : ""}
events { worker_connections 256; }
http {
  access_log ${prefix}/logs/access.log;
  client_body_temp_path ${prefix}/tmp/body;
  proxy_temp_path ${prefix}/tmp/proxy;
  fastcgi_temp_path ${prefix}/tmp/fastcgi;
  uwsgi_temp_path ${prefix}/tmp/uwsgi;
  scgi_temp_path ${prefix}/tmp/scgi;
  map $http_x_request_id $crm_request_id { default $http_x_request_id; "" $request_id; }
  upstream crm {
${upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=2s;`).join("\n")}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 2m;
    client_body_buffer_size 2m;
    location / {
      proxy_pass http://crm;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Request-Id $crm_request_id;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_connect_timeout 2s;
      proxy_read_timeout 30s;
    }
  }
}`;
  fs.writeFileSync(path.join(prefix, "nginx.conf"), conf);
  const child: ChildProcess = spawn(NGINX, ["-p", prefix, "-c", "nginx.conf", "-g", "daemon off;"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    try {
      await fetch(`${url}/api/health`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not answer: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGQUIT");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
