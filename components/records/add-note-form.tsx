"use client";

import { useState } from "react";
import { useAddNote } from "@/components/mutations/use-record-writes";
import { Button } from "@/components/ui/button";

/** A note on the record page, above its notes. */
export function AddNoteForm({ recordId }: { recordId: string }) {
  const [body, setBody] = useState("");
  const add = useAddNote(() => setBody(""));
  return (
    <form
      className="border-b border-zinc-100 px-5 py-4"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ id: recordId, body });
      }}
    >
      <label className="sr-only" htmlFor="new-note">
        New note
      </label>
      <textarea
        id="new-note"
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={2}
        maxLength={5000}
        placeholder="Add a note…"
        className="block w-full resize-y rounded-lg border border-zinc-300 px-3 py-2 text-sm shadow-xs focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20 focus:outline-none"
      />
      {add.error && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {add.error.message}
        </p>
      )}
      <div className="mt-2 flex justify-end">
        <Button type="submit" size="sm" disabled={add.isPending || !body.trim()}>
          {add.isPending ? "Adding…" : "Add note"}
        </Button>
      </div>
    </form>
  );
}
