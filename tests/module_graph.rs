//! The module graph: imports run one way (`embed` → `ui` → `net` → `core`)
//! and no file of `src/` or `server/src/` imports, through any chain, a
//! file that imports it back.
//!
//! The graph is read from the source with `syn`, a node per file. An edge
//! is a path that names another file's item: a `use` (not a `pub use`
//! re-export, which is resolved through to the file that defines the item),
//! or a `crate::`/`super::`/`self::` path in code or inside a macro such as
//! `view!`. `mod` declarations and `#[cfg(test)]` modules are not edges.
//! A failure names each offending edge with the file and line it is on.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::Visit;

/// The widget crate's layers, lowest first: a module may import only from
/// its own layer or a lower one. Every top-level module must be listed.
const LAYERS: &[(&str, u8)] = &[("core", 0), ("net", 1), ("ui", 2), ("embed", 3)];

/// A module path inside one crate, e.g. `["ui", "state"]`.
type ModPath = Vec<String>;

/// What one module (a file, or an inline `mod` inside one) declares.
#[derive(Default)]
struct Module {
    /// The file that holds it.
    file: PathBuf,
    /// Submodules by name.
    children: BTreeSet<String>,
    /// Items it defines (types, functions, constants, traits, macros).
    items: BTreeSet<String>,
    /// Names it brings in with `use`: name → absolute path.
    uses: BTreeMap<String, ModPath>,
    /// `use path::*` targets.
    globs: Vec<ModPath>,
}

/// One reference from a file to a path, with where it is written.
struct Reference {
    /// The module it is written in.
    from: ModPath,
    /// The path, made absolute.
    path: ModPath,
    /// The line it is on.
    line: usize,
    /// Whether it is a re-export (`pub use`): resolved through, no edge.
    reexport: bool,
}

/// A crate's modules and references.
#[derive(Default)]
struct Crate {
    modules: BTreeMap<ModPath, Module>,
    references: Vec<Reference>,
}

fn is_test_cfg(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg") && {
            let tokens = a.meta.require_list().map(|l| l.tokens.to_string());
            tokens.is_ok_and(|t| {
                t.split(|c: char| !c.is_alphanumeric() && c != '_')
                    .any(|w| w == "test")
            })
        }
    })
}

/// Makes a path written in module `at` absolute (`crate::`, `super::`,
/// `self::`, or a child module's name); `None` for external crates.
fn absolute(krate: &Crate, at: &ModPath, segments: &[String]) -> Option<ModPath> {
    let first = segments.first()?;
    let mut base: ModPath = match first.as_str() {
        "crate" => Vec::new(),
        "self" => at.clone(),
        "super" => {
            let mut b = at.clone();
            let mut rest = segments;
            while rest.first().map(String::as_str) == Some("super") {
                b.pop();
                rest = &rest[1..];
            }
            b.extend(rest.iter().cloned());
            return Some(b);
        }
        name => {
            let module = krate.modules.get(at)?;
            if module.children.contains(name) {
                let mut b = at.clone();
                b.extend(segments.iter().cloned());
                return Some(b);
            }
            // A name brought in by `use` (`format::offset_now` after
            // `use super::format`).
            let mut b = module.uses.get(name)?.clone();
            b.extend(segments[1..].iter().cloned());
            return Some(b);
        }
    };
    base.extend(segments[1..].iter().cloned());
    Some(base)
}

impl Crate {
    /// The file that defines what `path` names (descending through
    /// modules and resolving re-exports; at an item, its file).
    fn file_of(&self, path: &[String], depth: usize) -> Option<PathBuf> {
        if depth > 16 {
            return None;
        }
        let mut module: ModPath = Vec::new();
        for (i, seg) in path.iter().enumerate() {
            let m = self.modules.get(&module)?;
            if m.children.contains(seg) {
                module.push(seg.clone());
                continue;
            }
            if m.items.contains(seg) {
                return Some(m.file.clone());
            }
            if let Some(target) = m.uses.get(seg) {
                let mut t = target.clone();
                t.extend(path[i + 1..].iter().cloned());
                return self.file_of(&t, depth + 1);
            }
            for glob in &m.globs {
                let mut t = glob.clone();
                t.extend(path[i..].iter().cloned());
                if let Some(f) = self.file_of(&t, depth + 1) {
                    return Some(f);
                }
            }
            // A name this checker does not see (an enum variant, a name a
            // macro makes): the module's own file.
            return Some(m.file.clone());
        }
        self.modules.get(&module).map(|m| m.file.clone())
    }
}

/// Reads module `path` from `file` (and the files of its `mod x;`).
fn read_module(krate: &mut Crate, path: ModPath, file: &Path, items: &[syn::Item]) {
    krate.modules.entry(path.clone()).or_default().file = file.to_path_buf();
    let dir = match file.file_name().and_then(|f| f.to_str()) {
        Some("mod.rs" | "lib.rs" | "main.rs") => file.parent().unwrap().to_path_buf(),
        _ => file.with_extension(""),
    };
    for item in items {
        let (name, attrs) = match item {
            syn::Item::Const(i) => (Some(&i.ident), &i.attrs),
            syn::Item::Enum(i) => (Some(&i.ident), &i.attrs),
            syn::Item::Fn(i) => (Some(&i.sig.ident), &i.attrs),
            syn::Item::Static(i) => (Some(&i.ident), &i.attrs),
            syn::Item::Struct(i) => (Some(&i.ident), &i.attrs),
            syn::Item::Trait(i) => (Some(&i.ident), &i.attrs),
            syn::Item::Type(i) => (Some(&i.ident), &i.attrs),
            syn::Item::Union(i) => (Some(&i.ident), &i.attrs),
            syn::Item::Macro(i) => (i.ident.as_ref(), &i.attrs),
            _ => (None, &Vec::new()),
        };
        if let (Some(name), false) = (name, is_test_cfg(attrs)) {
            let m = krate.modules.get_mut(&path).unwrap();
            m.items.insert(name.to_string());
            // Components are used in `view!` by name: a `#[component] fn
            // Foo` is the item `Foo`, and its props struct `FooProps`.
            m.items.insert(format!("{name}Props"));
        }
        if let syn::Item::Mod(m) = item {
            if is_test_cfg(&m.attrs) {
                continue;
            }
            let name = m.ident.to_string();
            krate
                .modules
                .get_mut(&path)
                .unwrap()
                .children
                .insert(name.clone());
            let mut child = path.clone();
            child.push(name.clone());
            match &m.content {
                Some((_, inner)) => read_module(krate, child, file, inner),
                None => {
                    let flat = dir.join(format!("{name}.rs"));
                    let nested = dir.join(&name).join("mod.rs");
                    let child_file = if flat.exists() { flat } else { nested };
                    let source = std::fs::read_to_string(&child_file)
                        .unwrap_or_else(|e| panic!("{}: {e}", child_file.display()));
                    let parsed = syn::parse_file(&source)
                        .unwrap_or_else(|e| panic!("{}: {e}", child_file.display()));
                    read_module(krate, child, &child_file, &parsed.items);
                }
            }
        }
    }
    // `use` declarations and references, once the children are known.
    for item in items {
        if let syn::Item::Use(u) = item {
            if is_test_cfg(&u.attrs) {
                continue;
            }
            let reexport = !matches!(u.vis, syn::Visibility::Inherited);
            let line = u.use_token.span.start().line;
            let mut flat = Vec::new();
            flatten_use(&u.tree, Vec::new(), &mut flat);
            for (segments, alias) in flat {
                let Some(abs) = absolute(krate, &path, &segments) else {
                    continue;
                };
                let m = krate.modules.get_mut(&path).unwrap();
                match alias {
                    Some(name) if name == "*" => m.globs.push(abs.clone()),
                    Some(name) => {
                        m.uses.insert(name, abs.clone());
                    }
                    None => {}
                }
                krate.references.push(Reference {
                    from: path.clone(),
                    path: abs,
                    line,
                    reexport,
                });
            }
        }
    }
    let mut finder = PathFinder::default();
    for item in items {
        let test_only = match item {
            syn::Item::Mod(_) | syn::Item::Use(_) => true,
            syn::Item::Fn(f) => is_test_cfg(&f.attrs),
            syn::Item::Impl(i) => is_test_cfg(&i.attrs),
            _ => false,
        };
        if !test_only {
            finder.visit_item(item);
        }
    }
    for (segments, line) in finder.paths {
        if let Some(abs) = absolute(krate, &path, &segments) {
            krate.references.push(Reference {
                from: path.clone(),
                path: abs,
                line,
                reexport: false,
            });
        }
    }
}

/// A use tree as paths, each with the name it binds (`None` for `self`
/// imports of a module handled by its parent path, `*` for globs).
fn flatten_use(
    tree: &syn::UseTree,
    prefix: Vec<String>,
    out: &mut Vec<(Vec<String>, Option<String>)>,
) {
    match tree {
        syn::UseTree::Path(p) => {
            let mut next = prefix;
            next.push(p.ident.to_string());
            flatten_use(&p.tree, next, out);
        }
        syn::UseTree::Name(n) => {
            let name = n.ident.to_string();
            if name == "self" {
                let bound = prefix.last().cloned();
                out.push((prefix, bound));
            } else {
                let mut full = prefix;
                full.push(name.clone());
                out.push((full, Some(name)));
            }
        }
        syn::UseTree::Rename(r) => {
            let mut full = prefix;
            if r.ident != "self" {
                full.push(r.ident.to_string());
            }
            out.push((full, Some(r.rename.to_string())));
        }
        syn::UseTree::Glob(_) => out.push((prefix, Some("*".to_owned()))),
        syn::UseTree::Group(g) => {
            for t in &g.items {
                flatten_use(t, prefix.clone(), out);
            }
        }
    }
}

/// Paths in code (and in macro bodies) that may name this crate's items.
#[derive(Default)]
struct PathFinder {
    paths: Vec<(Vec<String>, usize)>,
}

impl PathFinder {
    fn tokens(&mut self, tokens: TokenStream) {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut i = 0;
        while i < trees.len() {
            if let TokenTree::Group(g) = &trees[i] {
                self.tokens(g.stream());
            }
            if let TokenTree::Ident(first) = &trees[i] {
                let starts = ["crate", "super", "self"].contains(&first.to_string().as_str());
                let preceded_by_colons =
                    i >= 1 && matches!(&trees[i - 1], TokenTree::Punct(p) if p.as_char() == ':');
                if starts && !preceded_by_colons {
                    let mut segments = vec![first.to_string()];
                    let mut j = i + 1;
                    while let (
                        Some(TokenTree::Punct(a)),
                        Some(TokenTree::Punct(b)),
                        Some(TokenTree::Ident(id)),
                    ) = (trees.get(j), trees.get(j + 1), trees.get(j + 2))
                    {
                        if a.as_char() != ':' || b.as_char() != ':' {
                            break;
                        }
                        segments.push(id.to_string());
                        j += 3;
                    }
                    if segments.len() > 1 {
                        self.paths.push((segments, first.span().start().line));
                    }
                    i = j;
                    continue;
                }
            }
            i += 1;
        }
    }
}

impl<'ast> Visit<'ast> for PathFinder {
    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        if segments.len() > 1 && path.leading_colon.is_none() {
            let line = path
                .segments
                .first()
                .map_or(0, |s| s.ident.span().start().line);
            self.paths.push((segments, line));
        }
        syn::visit::visit_path(self, path);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.tokens(mac.tokens.clone());
        syn::visit::visit_macro(self, mac);
    }

    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        // Inline modules are read as modules of their own.
        let _ = m;
    }

    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        if !is_test_cfg(&f.attrs) {
            syn::visit::visit_item_fn(self, f);
        }
    }
}

/// An edge between two files, with the place that makes it.
#[derive(Clone)]
struct Edge {
    line: usize,
    path: String,
}

/// The file graph of the crate rooted at `root` (`lib.rs`), relative to
/// the repository, and each edge's first place.
fn graph(root: &Path) -> BTreeMap<PathBuf, BTreeMap<PathBuf, Edge>> {
    let source = std::fs::read_to_string(root).unwrap();
    let parsed = syn::parse_file(&source).unwrap();
    let mut krate = Crate::default();
    read_module(&mut krate, Vec::new(), root, &parsed.items);
    let mut edges: BTreeMap<PathBuf, BTreeMap<PathBuf, Edge>> = BTreeMap::new();
    for file in krate.modules.values().map(|m| m.file.clone()) {
        edges.entry(file).or_default();
    }
    for r in &krate.references {
        if r.reexport {
            continue;
        }
        let Some(from) = krate.modules.get(&r.from).map(|m| m.file.clone()) else {
            continue;
        };
        let Some(to) = krate.file_of(&r.path, 0) else {
            continue;
        };
        if from != to {
            edges
                .entry(from)
                .or_default()
                .entry(to)
                .or_insert_with(|| Edge {
                    line: r.line,
                    path: r.path.join("::"),
                });
        }
    }
    edges
}

/// Strongly connected components with more than one file (Tarjan).
fn cycles(edges: &BTreeMap<PathBuf, BTreeMap<PathBuf, Edge>>) -> Vec<Vec<PathBuf>> {
    struct State<'a> {
        edges: &'a BTreeMap<PathBuf, BTreeMap<PathBuf, Edge>>,
        index: HashMap<&'a PathBuf, usize>,
        low: HashMap<&'a PathBuf, usize>,
        stack: Vec<&'a PathBuf>,
        on_stack: BTreeSet<&'a PathBuf>,
        next: usize,
        found: Vec<Vec<PathBuf>>,
    }
    fn connect<'a>(s: &mut State<'a>, v: &'a PathBuf) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on_stack.insert(v);
        let edges = s.edges;
        for w in edges.get(v).into_iter().flat_map(|e| e.keys()) {
            if !s.index.contains_key(w) {
                connect(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.clone());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.found.push(component);
            }
        }
    }
    let mut s = State {
        edges,
        index: HashMap::new(),
        low: HashMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !s.index.contains_key(v) {
            connect(&mut s, v);
        }
    }
    s.found
}

fn describe(from: &Path, to: &Path, e: &Edge) -> String {
    format!(
        "{}:{} imports {} (`{}`)",
        from.display(),
        e.line,
        to.display(),
        e.path
    )
}

/// A cycle through the files of `component`, as its edges.
fn one_cycle(edges: &BTreeMap<PathBuf, BTreeMap<PathBuf, Edge>>, component: &[PathBuf]) -> String {
    let inside: BTreeSet<&PathBuf> = component.iter().collect();
    // Breadth-first from the first file back to itself, inside the component.
    let start = &component[0];
    let mut came_from: BTreeMap<&PathBuf, &PathBuf> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    'search: while let Some(v) = queue.pop_front() {
        for w in edges[v].keys().filter(|w| inside.contains(w)) {
            if w == start {
                came_from.insert(start, v);
                break 'search;
            }
            if !came_from.contains_key(w) {
                came_from.insert(w, v);
                queue.push_back(w);
            }
        }
    }
    let mut chain = vec![start];
    let mut at = came_from[start];
    while at != start {
        chain.push(at);
        at = came_from[at];
    }
    chain.push(start);
    chain.reverse();
    let mut out = String::new();
    for pair in chain.windows(2) {
        let _ = writeln!(
            out,
            "    {}",
            describe(pair[0], pair[1], &edges[pair[0]][pair[1]])
        );
    }
    out
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Files relative to the repository, for messages.
fn relative(
    edges: BTreeMap<PathBuf, BTreeMap<PathBuf, Edge>>,
    base: &Path,
) -> BTreeMap<PathBuf, BTreeMap<PathBuf, Edge>> {
    let rel = |p: PathBuf| p.strip_prefix(base).map(Path::to_path_buf).unwrap_or(p);
    edges
        .into_iter()
        .map(|(k, v)| (rel(k), v.into_iter().map(|(t, e)| (rel(t), e)).collect()))
        .collect()
}

fn cycle_report(edges: &BTreeMap<PathBuf, BTreeMap<PathBuf, Edge>>) -> String {
    let mut report = String::new();
    for component in cycles(edges) {
        let names: Vec<String> = component.iter().map(|p| p.display().to_string()).collect();
        let _ = writeln!(report, "import cycle through {}:", names.join(", "));
        report.push_str(&one_cycle(edges, &component));
    }
    report
}

fn layer_of(file: &Path) -> Result<(String, u8), String> {
    let rest = file.strip_prefix("src").unwrap_or(file);
    let top = rest
        .components()
        .next()
        .and_then(|c| c.as_os_str().to_str())
        .unwrap_or("")
        .trim_end_matches(".rs")
        .to_owned();
    if top == "lib" {
        return Ok((top, u8::MAX));
    }
    LAYERS
        .iter()
        .find(|(name, _)| *name == top)
        .map(|(name, layer)| ((*name).to_owned(), *layer))
        .ok_or_else(|| {
            format!(
                "{}: module `{top}` is in no layer (add it to LAYERS or move it into one)",
                file.display()
            )
        })
}

/// Every cycle, and every import from a lower layer to a higher one, of a
/// graph whose files are relative to the repository (`src/...`).
fn rules_report(edges: &BTreeMap<PathBuf, BTreeMap<PathBuf, Edge>>) -> String {
    let mut report = cycle_report(edges);
    for (from, targets) in edges {
        let (from_top, from_layer) = match layer_of(from) {
            Ok(l) => l,
            Err(e) => {
                let _ = writeln!(report, "{e}");
                continue;
            }
        };
        for (to, e) in targets {
            let Ok((to_top, to_layer)) = layer_of(to) else {
                continue;
            };
            if to_layer > from_layer {
                let _ = writeln!(
                    report,
                    "upward import ({from_top} → {to_top}): {}",
                    describe(from, to, e)
                );
            }
        }
    }
    report
}

#[test]
fn the_widget_imports_run_one_way_without_cycles() {
    let edges = relative(graph(&repo().join("src/lib.rs")), &repo());
    assert!(
        edges.len() > 50,
        "the graph was not read: {} files",
        edges.len()
    );
    let report = rules_report(&edges);
    assert!(
        report.is_empty(),
        "the module graph of src/ breaks its rules:\n{report}"
    );
}

#[test]
fn the_server_has_no_import_cycle() {
    let edges = relative(graph(&repo().join("server/src/lib.rs")), &repo());
    assert!(
        edges.len() > 5,
        "the graph was not read: {} files",
        edges.len()
    );
    let report = cycle_report(&edges);
    assert!(
        report.is_empty(),
        "the module graph of server/src/ has cycles:\n{report}"
    );
}

/// The checker itself: a cycle and an upward import written into a small
/// crate on disk are found and named.
#[test]
fn the_checker_names_cycles_and_upward_imports() {
    let dir = std::env::temp_dir().join(format!("callboard-graph-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let src = dir.join("src");
    std::fs::create_dir_all(src.join("ui")).unwrap();
    std::fs::create_dir_all(src.join("net")).unwrap();
    let write = |f: &str, text: &str| std::fs::write(src.join(f), text).unwrap();
    write("lib.rs", "mod core;\nmod net;\nmod ui;\n");
    write("core.rs", "pub struct Call;\n");
    write("net/mod.rs", "mod proxy;\npub use proxy::Source;\n");
    write(
        "net/proxy.rs",
        "pub struct Source;\n\nfn load() { crate::ui::split::load() }\n",
    );
    write(
        "ui/mod.rs",
        "mod state;\npub mod split;\nmod table;\npub use state::Board;\n",
    );
    write("ui/split.rs", "pub fn load() {}\n");
    write(
        "ui/state.rs",
        "use crate::core::Call;\nuse super::table::Row;\npub struct Board;\n",
    );
    write(
        "ui/table.rs",
        "pub struct Row;\nfn v() { view! { <X b=crate::ui::Board /> } }\n\
         #[cfg(test)]\nmod tests { use crate::ui::state::Board; }\n",
    );
    let edges = relative(graph(&src.join("lib.rs")), &dir);
    let e = |from: &str, to: &str| edges[Path::new(from)].get(Path::new(to)).map(|e| e.line);
    // The re-export in ui/mod.rs is resolved through to ui/state.rs (the
    // path inside `view!` counts); the test module adds nothing.
    assert_eq!(e("src/ui/table.rs", "src/ui/state.rs"), Some(2));
    assert_eq!(e("src/ui/state.rs", "src/ui/table.rs"), Some(2));
    assert_eq!(e("src/ui/mod.rs", "src/ui/state.rs"), None);
    assert_eq!(e("src/net/proxy.rs", "src/ui/split.rs"), Some(3));
    let report = rules_report(&edges);
    assert!(
        report.contains("import cycle through src/ui/state.rs, src/ui/table.rs"),
        "{report}"
    );
    assert!(
        report.contains("src/ui/table.rs:2 imports src/ui/state.rs (`ui::Board`)"),
        "{report}"
    );
    assert!(
        report.contains("src/ui/state.rs:2 imports src/ui/table.rs (`ui::table::Row`)"),
        "{report}"
    );
    assert!(
        report.contains("upward import (net → ui): src/net/proxy.rs:3 imports src/ui/split.rs (`ui::split::load`)"),
        "{report}"
    );
    assert_eq!(report.lines().count(), 4, "{report}");
    let _ = std::fs::remove_dir_all(&dir);
}
