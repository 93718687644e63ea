"""Checks a folder of TUF metadata with python-securesystemslib (the reference implementation's
canonical JSON, key ids and ECDSA verification), independently of the .NET code that signed it.
Usage: verify_tuf.py METADATA_DIR TARGETS_DIR. Prints one line per check; exits 1 on the first failure."""
import fnmatch
import hashlib
import json
import os
import sys

from securesystemslib import formats, keys


def load(path):
    with open(path, "rb") as f:
        raw = f.read()
    return raw, json.loads(raw)


def verify(doc, root, role):
    signed = formats.encode_canonical(doc["signed"]).encode("utf-8")
    spec = root["roles"][role]
    valid = set()
    for sig in doc["signatures"]:
        keyid = sig["keyid"]
        if keyid not in spec["keyids"]:
            continue
        key = dict(root["keys"][keyid])
        if hashlib.sha256(formats.encode_canonical(key).encode("utf-8")).hexdigest() != keyid:
            fail(f"key id {keyid} is not the sha256 of its canonical key")
        key["keyid"] = keyid
        if keys.verify_signature(key, sig, signed):
            valid.add(keyid)
    if len(valid) < spec["threshold"]:
        fail(f"{doc['signed']['_type']} v{doc['signed']['version']}: {len(valid)} valid signatures for role {role}")
    print(f"ok {doc['signed']['_type']} v{doc['signed']['version']} signed by {role} ({len(valid)}/{spec['threshold']})")


def fail(message):
    print("FAIL " + message)
    sys.exit(1)


def main(meta_dir, targets_dir):
    version = 1
    _, root = load(os.path.join(meta_dir, "1.root.json"))
    verify(root, root["signed"], "root")
    while os.path.exists(os.path.join(meta_dir, f"{version + 1}.root.json")):
        _, nxt = load(os.path.join(meta_dir, f"{version + 1}.root.json"))
        verify(nxt, root["signed"], "root")
        verify(nxt, nxt["signed"], "root")
        if nxt["signed"]["version"] != version + 1:
            fail("root chain version")
        root, version = nxt, version + 1
    trusted = root["signed"]
    for name, role in (("timestamp.json", "timestamp"), ("snapshot.json", "snapshot"), ("targets.json", "targets")):
        _, doc = load(os.path.join(meta_dir, name))
        if doc["signed"]["_type"] != role or not doc["signed"]["spec_version"].startswith("1."):
            fail(f"{name} _type/spec_version")
        verify(doc, trusted, role)
    _, timestamp = load(os.path.join(meta_dir, "timestamp.json"))
    snapshot_raw, snapshot = load(os.path.join(meta_dir, "snapshot.json"))
    targets_raw, targets = load(os.path.join(meta_dir, "targets.json"))
    for parent, raw, doc, name in ((timestamp, snapshot_raw, snapshot, "snapshot.json"), (snapshot, targets_raw, targets, "targets.json")):
        meta = parent["signed"]["meta"][name]
        if meta["version"] != doc["signed"]["version"] or meta["length"] != len(raw) or meta["hashes"]["sha256"] != hashlib.sha256(raw).hexdigest():
            fail(f"{name} does not match its parent's meta")
        print(f"ok {name} matches version, length and sha256")
    check_targets(targets, targets_dir, 0)
    delegations = targets["signed"].get("delegations", {"keys": {}, "roles": []})
    for role in delegations["roles"]:
        name = role["name"] + ".json"
        raw, doc = load(os.path.join(meta_dir, name))
        if doc["signed"]["_type"] != "targets":
            fail(f"{name} _type")
        verify(doc, {"keys": delegations["keys"], "roles": {role["name"]: role}}, role["name"])
        meta = snapshot["signed"]["meta"][name]
        if meta["version"] != doc["signed"]["version"] or meta["length"] != len(raw) or meta["hashes"]["sha256"] != hashlib.sha256(raw).hexdigest():
            fail(f"{name} does not match the snapshot's meta")
        print(f"ok {name} matches version, length and sha256")
        for path in doc["signed"]["targets"]:
            if not any(matches(pattern, path) for pattern in role["paths"]):
                fail(f"{role['name']} signs {path} outside its paths {role['paths']}")
        # Bespoke target paths are customer-{code}/{id}/{version}/{file}; the package files lie at {id}/{version}/{file}.
        check_targets(doc, targets_dir, 1)


def matches(pattern, path):
    """python-tuf's rule: as many '/'-separated parts, each matched with fnmatch."""
    parts, pattern_parts = path.split("/"), pattern.split("/")
    return len(parts) == len(pattern_parts) and all(fnmatch.fnmatch(p, q) for p, q in zip(parts, pattern_parts))


def check_targets(doc, targets_dir, strip):
    for path, target in doc["signed"]["targets"].items():
        with open(os.path.join(targets_dir, *path.split("/")[strip:]), "rb") as f:
            data = f.read()
        if len(data) != target["length"] or hashlib.sha256(data).hexdigest() != target["hashes"]["sha256"] or hashlib.sha512(data).hexdigest() != target["hashes"]["sha512"]:
            fail(f"target {path}")
        print(f"ok target {path} length and sha256+sha512")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
