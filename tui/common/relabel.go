package common

import (
	"reflect"

	"charm.land/bubbles/v2/key"
)

// Relabel returns the key map old with the help text (key and
// description) of every key.Binding taken from fresh, a key map of the
// same type built in another language; each binding keeps its own keys
// and whether it is enabled, which the screen may have changed since it
// was built. Bindings in nested structs and arrays are relabelled too.
// old and fresh must have the same type (a struct).
func Relabel[K any](old, fresh K) K {
	relabel(reflect.ValueOf(&old).Elem(), reflect.ValueOf(fresh))
	return old
}

var bindingType = reflect.TypeFor[key.Binding]()

func relabel(dst, src reflect.Value) {
	switch {
	case dst.Type() == bindingType:
		b := dst.Addr().Interface().(*key.Binding)
		h := src.Interface().(key.Binding).Help()
		b.SetHelp(h.Key, h.Desc)
	case dst.Kind() == reflect.Struct:
		for i := range dst.NumField() {
			if dst.Field(i).CanSet() {
				relabel(dst.Field(i), src.Field(i))
			}
		}
	case dst.Kind() == reflect.Array:
		for i := range dst.Len() {
			relabel(dst.Index(i), src.Index(i))
		}
	case dst.Kind() == reflect.Slice && dst.Len() == src.Len():
		// A copy: the old slice's array may be shared with other copies
		// of the screen.
		out := reflect.MakeSlice(dst.Type(), dst.Len(), dst.Len())
		reflect.Copy(out, dst)
		for i := range out.Len() {
			relabel(out.Index(i), src.Index(i))
		}
		dst.Set(out)
	}
}
