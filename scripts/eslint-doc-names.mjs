// doc-names: an ESLint rule for the comment convention (a doc comment starts with the name it
// explains, docs/ARCHITECTURE.md): a /** … */ comment right above a declaration whose first
// word is written like a name in code (fooBar, FooBar, FOO_BAR) must be that declaration's name,
// so a comment left behind by a rename is an error.
const CODE_NAME = /^(?:[a-z][a-z0-9]*[A-Z][\w$]*|[A-Z][a-z0-9]+[A-Z][\w$]*|[A-Z][A-Z0-9]*_[A-Z0-9_]+)$/;

// declaredName is the name a node declares, or null when it declares none this rule checks.
function declaredName(node) {
  switch (node.type) {
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
    case 'TSEnumDeclaration':
      return node.id?.name ?? null;
    case 'VariableDeclaration':
      return node.declarations.length === 1 && node.declarations[0].id.type === 'Identifier'
        ? node.declarations[0].id.name
        : null;
    case 'MethodDefinition':
    case 'PropertyDefinition':
    case 'TSPropertySignature':
    case 'TSMethodSignature':
    case 'TSAbstractMethodDefinition':
      return node.key.type === 'Identifier' ? node.key.name : null;
    default:
      return null;
  }
}

export default {
  meta: {
    type: 'suggestion',
    docs: { description: 'a doc comment that opens with a name in code names the declaration below it' },
    schema: [],
    messages: {
      mismatch: "The comment above '{{name}}' starts with '{{word}}': rename it, or say what '{{name}}' is.",
    },
  },
  create(context) {
    const source = context.sourceCode;
    const check = (node) => {
      const name = declaredName(node);
      if (name === null) return;
      const anchor =
        node.parent?.type === 'ExportNamedDeclaration' || node.parent?.type === 'ExportDefaultDeclaration'
          ? node.parent
          : node;
      const comment = source.getCommentsBefore(anchor).at(-1);
      if (
        !comment ||
        comment.type !== 'Block' ||
        !comment.value.startsWith('*') ||
        comment.loc.end.line !== anchor.loc.start.line - 1
      )
        return;
      const word = /^\*+\s*([A-Za-z_$][\w$]*)/.exec(comment.value)?.[1];
      if (word && word !== name && CODE_NAME.test(word))
        context.report({ loc: comment.loc, messageId: 'mismatch', data: { name, word } });
    };
    return {
      FunctionDeclaration: check,
      ClassDeclaration: check,
      TSInterfaceDeclaration: check,
      TSTypeAliasDeclaration: check,
      TSEnumDeclaration: check,
      VariableDeclaration: check,
      MethodDefinition: check,
      PropertyDefinition: check,
      TSPropertySignature: check,
      TSMethodSignature: check,
      TSAbstractMethodDefinition: check,
    };
  },
};
