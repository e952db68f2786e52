//! A reference to a rendered element, for `node_ref=…`.
//!
//! Leptos's `NodeRef<E>` holds its element in a signal of the element's
//! own type, so each element type it is used with (a `<div>`, an
//! `<audio>`, a `<tbody>`…) compiles its own copy of the signal's code
//! (about 1 KB of WebAssembly gzip each). [`ElRef`] keeps every element
//! as a plain `Element` in one signal type and hands it back as the type
//! it was made for: the widget's references share one copy.

use std::marker::PhantomData;

use leptos::prelude::*;
use leptos::tachys::html::element::ElementType;
use leptos::tachys::html::node_ref::NodeRefContainer;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

/// A reference to the element of type `T` it is bound to with
/// `node_ref=…` (reactive, as `NodeRef`: [`ElRef::get`] re-runs what read
/// it once the element is there). `Copy`.
pub struct ElRef<T> {
    element: RwSignal<Option<SendWrapper<web_sys::Element>>>,
    ty: PhantomData<fn() -> T>,
}

impl<T> Clone for ElRef<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for ElRef<T> {}

impl<T> Default for ElRef<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> ElRef<T> {
    /// An empty reference.
    pub fn new() -> Self {
        Self {
            element: RwSignal::new(None),
            ty: PhantomData,
        }
    }
}

impl<T: JsCast> ElRef<T> {
    /// The element once it is rendered (tracked).
    pub fn get(&self) -> Option<T> {
        self.element
            .with(|e| e.as_deref().map(|e| e.clone().unchecked_into()))
    }

    /// The element once it is rendered, untracked; `None` also once the
    /// view that owned the reference is gone.
    pub fn get_untracked(&self) -> Option<T> {
        self.element
            .try_with_untracked(|e| e.as_deref().map(|e| e.clone().unchecked_into()))
            .flatten()
    }
}

/// Binds to an element of `E`'s type only: `node_ref=` on an element of
/// another type does not compile, as with `NodeRef`.
impl<E, T> NodeRefContainer<E> for ElRef<T>
where
    E: ElementType<Output = T>,
    T: 'static,
{
    fn load(self, el: &web_sys::Element) {
        self.element.set(Some(SendWrapper::new(el.clone())));
    }
}
