"""Writes N small update packages (Bench.PkgNNNN 1.0.0) to a folder: a nuspec, the update
manifest, a plugin assembly under lib/ (the feed refuses an update without one; the bytes are
never loaded here) and 64 KiB of incompressible content each. Usage: make_packages.py DIR N"""
import json
import os
import sys
import zipfile

out, count = sys.argv[1], int(sys.argv[2])
os.makedirs(out, exist_ok=True)
for i in range(count):
    pid = f"Bench.Pkg{i:04d}"
    manifest = {"id": pid, "version": "1.0.0", "kind": "Legislative", "title": f"Benchmark update {i}",
                "legalReferences": ["Act No. 349/2023 Coll."], "effectiveDate": "2024-01-01", "modules": ["accounting"]}
    nuspec = f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
  <metadata><id>{pid}</id><version>1.0.0</version><authors>bench</authors><description>Benchmark package {i}.</description></metadata>
</package>"""
    with zipfile.ZipFile(os.path.join(out, f"{pid.lower()}.1.0.0.nupkg"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(f"{pid}.nuspec", nuspec)
        z.writestr("applayer.update.json", json.dumps(manifest))
        z.writestr(f"lib/net10.0/{pid}.dll", os.urandom(4 * 1024))
        z.writestr("content/data.bin", os.urandom(64 * 1024))
