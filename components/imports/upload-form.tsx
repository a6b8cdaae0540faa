"use client";

import { FileUp, LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { fetchJson } from "@/components/queries/fetch-json";

const MAX_BYTES = 50 * 1024 * 1024;

/** Step 1: choose or drop a CSV; it is uploaded and checked whole (encoding, size, rows) before any mapping. */
export function UploadForm({ entity }: { entity: { slug: string; name: string } }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const errorId = useId();

  function choose(next: File | null) {
    setError(null);
    if (next && next.size > MAX_BYTES) {
      setFile(null);
      return setError("The file is over 50 MB; split it into smaller files.");
    }
    setFile(next);
  }

  async function upload() {
    if (!file) return setError("Choose a CSV file to import.");
    setBusy(true);
    setError(null);
    try {
      const query = new URLSearchParams({ entity: entity.slug, name: file.name });
      const view = await fetchJson<{ id: string }>(`/api/app/imports/upload?${query}`, {
        method: "POST",
        body: file,
        headers: { "content-type": "text/csv" },
      });
      router.push(`/records/${entity.slug}/import/${view.id}`);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  return (
    <form
      className="space-y-4 p-5"
      onSubmit={(e) => {
        e.preventDefault();
        void upload();
      }}
    >
      <label
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          choose(e.dataTransfer.files[0] ?? null);
        }}
        className={`flex cursor-pointer flex-col items-center gap-2 rounded-xl border-2 border-dashed px-6 py-10 text-center transition-colors ${
          dragging ? "border-brand-500 bg-brand-50" : "border-zinc-300 hover:border-zinc-400"
        }`}
      >
        <FileUp className="size-8 text-zinc-400" aria-hidden />
        <span className="text-sm font-medium text-zinc-900">
          {file ? file.name : `Choose a CSV of ${entity.name.toLowerCase()} or drop it here`}
        </span>
        <span className="text-xs text-zinc-500">
          {file
            ? `${(file.size / 1024).toLocaleString("en-US", { maximumFractionDigits: 0 })} KB`
            : "UTF-8, comma, semicolon or tab separated, a header row, up to 200,000 rows and 50 MB"}
        </span>
        <input
          ref={input}
          type="file"
          name="file"
          accept=".csv,.tsv,.txt,text/csv"
          className="sr-only"
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
        />
      </label>
      {error && (
        <p id={errorId} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="flex justify-end">
        <Button type="submit" disabled={busy || !file}>
          {busy && <LoaderCircle className="size-4 animate-spin" aria-hidden />}
          {busy ? "Uploading and checking…" : "Upload and map columns"}
        </Button>
      </div>
    </form>
  );
}
