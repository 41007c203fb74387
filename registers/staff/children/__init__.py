"""Children: the child record, and adding a child an officer has found."""
